package dev.capsem.core.api;

import dev.capsem.core.diag.GivenPath;
import java.util.Objects;

/**
 * {@code release pull}: a release fetched back from a registry, all or nothing.
 *
 * @param source {@code REGISTRY/REPO:TAG} or {@code REGISTRY/REPO@sha256:...}
 * @param out an empty or absent folder the verified release is placed in
 * @param publicKey the release's minisign public key, or null to leave signatures unchecked (W550)
 */
public record PullRequest(String source, GivenPath out, GivenPath publicKey) {

  public PullRequest {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(out, "out");
  }
}

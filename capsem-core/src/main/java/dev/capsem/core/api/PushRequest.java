package dev.capsem.core.api;

import dev.capsem.core.diag.GivenPath;
import java.util.Objects;

/**
 * {@code release push}: a release folder pushed as one OCI artifact.
 *
 * @param folder the release folder ({@code target/capsem/publish} as a release makes it): every
 *     file is one layer, named by its path there
 * @param target {@code REGISTRY/REPO:TAG}
 */
public record PushRequest(GivenPath folder, String target) {

  public PushRequest {
    Objects.requireNonNull(folder, "folder");
    Objects.requireNonNull(target, "target");
  }
}

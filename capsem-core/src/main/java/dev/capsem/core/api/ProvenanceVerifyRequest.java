package dev.capsem.core.api;

import dev.capsem.core.diag.GivenPath;
import java.util.Objects;

/**
 * {@code provenance verify}: a release folder's signed provenance against its files.
 *
 * @param folder the release folder the subjects are named in
 * @param envelope the DSSE envelope, or null for {@code <folder>/provenance.intoto.jsonl}
 * @param publicKey the release's minisign public key
 * @param builderId the builder the provenance must name, or null for any
 * @param profileDigest the profile's sha256 the provenance must name, or null for any
 */
public record ProvenanceVerifyRequest(
    GivenPath folder,
    GivenPath envelope,
    GivenPath publicKey,
    String builderId,
    String profileDigest) {

  public ProvenanceVerifyRequest {
    Objects.requireNonNull(folder, "folder");
    Objects.requireNonNull(publicKey, "publicKey");
  }
}

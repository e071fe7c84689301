package dev.capsem.core.internal.manifest;

import java.util.Objects;

/**
 * One revision record of the profile catalog (format 1).
 *
 * @param status its lifecycle state
 * @param minBinary the oldest binary the revision works with
 * @param maxBinary the newest binary it works with, or {@code null} for no limit
 * @param profileUrl where the payload is, normalised like a WHATWG URL
 * @param profileHash {@code blake3:<64 lower-case hex>} of the payload bytes
 * @param profileSignatureUrl where the payload's minisign signature is
 */
public record CatalogRevision(
    RevisionStatus status,
    String minBinary,
    String maxBinary,
    String profileUrl,
    String profileHash,
    String profileSignatureUrl) {

  public CatalogRevision {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(minBinary, "minBinary");
    Objects.requireNonNull(profileUrl, "profileUrl");
    Objects.requireNonNull(profileHash, "profileHash");
    Objects.requireNonNull(profileSignatureUrl, "profileSignatureUrl");
  }
}

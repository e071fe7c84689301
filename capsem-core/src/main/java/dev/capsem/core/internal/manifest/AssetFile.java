package dev.capsem.core.internal.manifest;

import java.util.Objects;

/**
 * One boot file of an asset release, as the format-2 manifest lists it.
 *
 * @param hash the bare BLAKE3 hex digest (64 characters, no {@code blake3:} prefix)
 * @param size the file size in bytes
 */
public record AssetFile(String hash, long size) {

  public AssetFile {
    Objects.requireNonNull(hash, "hash");
    if (size < 0) {
      throw new IllegalArgumentException("size must be >= 0: " + size);
    }
  }
}

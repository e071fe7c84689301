package dev.capsem.core.internal.image.lock;

import java.util.Objects;

/**
 * One locked package.
 *
 * @param version the exact version installed
 * @param hash what the ecosystem vouches for the bytes with ({@code sha256:<hex>} of a {@code
 *     .deb}, an npm {@code sha512-...} integrity), or null when it gave none
 */
public record Locked(String version, String hash) {
  public Locked {
    Objects.requireNonNull(version, "version");
  }
}

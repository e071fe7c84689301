package dev.capsem.core.internal.manifest;

import java.util.Objects;

/**
 * One binary release of a format-2 manifest.
 *
 * @param date {@code YYYY-MM-DD}, metadata only ({@code ""} when absent)
 * @param deprecated a deprecated binary still boots, with a warning (spec §2.3 row 10)
 * @param minAssets the oldest asset release this binary may boot; {@code ""} means any
 */
public record BinaryRelease(String date, boolean deprecated, String minAssets) {

  public BinaryRelease {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(minAssets, "minAssets");
  }
}

package dev.capsem.core.api;

/** How image verification compares the inventory's versions with the profile's. */
public enum VersionMatch {
  /** Upstream's: equal, or {@code *}. */
  EXACT,
  /** Ranges ({@code >=}, {@code <}, {@code ~=}, {@code ^}) in each ecosystem's own order. */
  RANGES
}

package dev.capsem.core.api;

import java.util.Locale;

/** The two serialisations of profiles and settings. */
public enum DocumentFormat {
  JSON,
  TOML;

  /**
   * Upstream's rule: the format option if given, else TOML for a {@code .toml} output, else JSON.
   */
  public static DocumentFormat choose(DocumentFormat given, String outPath) {
    if (given != null) {
      return given;
    }
    return outPath != null && outPath.toLowerCase(Locale.ROOT).endsWith(".toml") ? TOML : JSON;
  }
}

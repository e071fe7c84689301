package dev.capsem.core.api;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A path as the program uses it and as the user wrote it; reports echo the second, as upstream does
 * ({@code assets/arm64/vmlinuz}, not an absolute path).
 */
public record GivenPath(Path path, String asGiven) {

  public GivenPath {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(asGiven, "asGiven");
  }

  /** A path exactly as typed on a command line. */
  public static GivenPath of(String typed) {
    return new GivenPath(Path.of(typed), typed);
  }
}

package dev.capsem.core.diag;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file or folder the user pointed at, as the program uses it and as the user wrote it. Reports
 * and diagnostics echo the second, as upstream does ({@code assets/arm64/vmlinuz}, not an absolute
 * path).
 */
public record GivenPath(Path path, String shown) {

  public GivenPath {
    Objects.requireNonNull(path, "path");
    if (shown == null) {
      shown = path.toString();
    }
  }

  /** A path exactly as typed on a command line. */
  public static GivenPath of(String typed) {
    return new GivenPath(Path.of(typed), typed);
  }

  /** A child, shown as {@code <shown>/<relative>}. */
  public GivenPath resolve(String relative) {
    String base = shown.endsWith("/") ? shown : shown + "/";
    return new GivenPath(path.resolve(relative), base + relative);
  }
}

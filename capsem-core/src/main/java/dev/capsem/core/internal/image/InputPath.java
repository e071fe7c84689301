package dev.capsem.core.internal.image;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file or folder the user pointed at, and how they wrote it: messages and reports echo the
 * second.
 */
public record InputPath(Path path, String shown) {

  public InputPath {
    Objects.requireNonNull(path, "path");
    if (shown == null) {
      shown = path.toString();
    }
  }

  public static InputPath of(String given) {
    return new InputPath(Path.of(given), given);
  }

  /** A child, shown as {@code <shown>/<relative>}. */
  public InputPath resolve(String relative) {
    String base = shown.endsWith("/") ? shown : shown + "/";
    return new InputPath(path.resolve(relative), base + relative);
  }
}

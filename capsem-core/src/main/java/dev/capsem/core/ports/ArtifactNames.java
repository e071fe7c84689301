package dev.capsem.core.ports;

import java.util.Optional;

/**
 * The file names an OCI artifact may carry: relative, {@code /}-separated, without empty, {@code .}
 * or {@code ..} segments, backslashes or control characters. A pull writes each layer under its
 * name, so a name from a registry must never reach outside the target folder.
 */
public final class ArtifactNames {

  /** The annotation that names a layer's file (OCI image spec, pre-defined annotation keys). */
  public static final String TITLE = "org.opencontainers.image.title";

  private ArtifactNames() {}

  /** Why {@code name} is not a safe artifact file name, or empty when it is. */
  public static Optional<String> problem(String name) {
    if (name == null || name.isEmpty()) {
      return Optional.of("an artifact file name must not be empty");
    }
    if (name.startsWith("/")) {
      return Optional.of("an artifact file name must be relative: '" + name + "'");
    }
    if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '\\')) {
      return Optional.of(
          "an artifact file name must not hold backslashes or control characters: '" + name + "'");
    }
    for (String segment : name.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return Optional.of(
            "an artifact file name must not have empty, '.' or '..' segments: '" + name + "'");
      }
    }
    return Optional.empty();
  }

  /** Throws {@link IllegalArgumentException} with {@link #problem}'s message. */
  public static String require(String name) {
    problem(name)
        .ifPresent(
            message -> {
              throw new IllegalArgumentException(message);
            });
    return name;
  }
}

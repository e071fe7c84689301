package dev.capsem.core.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared upstream conformance vectors, read in place and never copied. The folder comes from
 * the system property {@code capsem.conformance.dir} (the build points it at {@code
 * ../shared/conformance}) or the environment variable {@code CAPSEM_CONFORMANCE_DIR}. Without it a
 * test is skipped with a message, except under CI ({@code CI=true}), where it fails.
 */
public final class Conformance {

  private Conformance() {}

  /** The {@code conformance/capsem} folder. */
  public static Path capsem() {
    String configured = System.getProperty("capsem.conformance.dir");
    if (configured == null || configured.isBlank()) {
      configured = System.getenv("CAPSEM_CONFORMANCE_DIR");
    }
    Path dir = configured == null || configured.isBlank() ? null : Path.of(configured, "capsem");
    if (dir == null || !Files.isDirectory(dir)) {
      String message =
          "conformance vectors not found (set -Dcapsem.conformance.dir or CAPSEM_CONFORMANCE_DIR"
              + " to the shared conformance folder; looked at "
              + dir
              + ")";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(message);
      }
      abort(message);
    }
    return dir.toAbsolutePath().normalize();
  }

  /** A file under {@code conformance/capsem}. */
  public static Path file(String relative) {
    Path file = capsem().resolve(relative);
    if (!Files.exists(file)) {
      fail("conformance file missing: " + file);
    }
    return file;
  }

  public static String text(String relative) {
    try {
      return Files.readString(file(relative), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] bytes(String relative) {
    try {
      return Files.readAllBytes(file(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

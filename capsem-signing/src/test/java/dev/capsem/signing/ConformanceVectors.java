package dev.capsem.signing;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The shared upstream vectors, read in place and never copied: {@code <dir>/capsem/...}, where
 * {@code dir} is the system property {@code capsem.conformance.dir} (set by the parent POM) or the
 * environment variable {@code CAPSEM_CONFORMANCE_DIR}. Missing vectors skip the test with a notice,
 * except on CI, where they fail it.
 */
final class ConformanceVectors {

  private ConformanceVectors() {}

  /** The {@code capsem/} folder of the vectors; skips or fails the calling test when absent. */
  static Path root() {
    String dir = System.getProperty("capsem.conformance.dir");
    if (dir == null || dir.isBlank()) {
      dir = System.getenv("CAPSEM_CONFORMANCE_DIR");
    }
    Path root = dir == null || dir.isBlank() ? null : Path.of(dir).resolve("capsem");
    if (root == null || !Files.isDirectory(root)) {
      String where =
          root == null
              ? "nowhere (set -Dcapsem.conformance.dir or CAPSEM_CONFORMANCE_DIR)"
              : root.toString();
      if (Ci.isCi()) {
        fail("conformance vectors not found at " + where + "; CI=true requires them");
      }
      String notice = "conformance vectors not found at " + where + "; skipping this test";
      // Surefire lists skips without their reason; the notice makes the gap visible in the log.
      System.err.println("NOTICE: " + notice);
      Assumptions.abort(notice);
    }
    return root;
  }

  static Path path(String relative) {
    return root().resolve(relative);
  }

  static byte[] bytes(String relative) {
    try {
      return Files.readAllBytes(path(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode json(String relative) {
    try {
      return new ObjectMapper().readTree(path(relative).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

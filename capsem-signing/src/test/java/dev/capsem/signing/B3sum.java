package dev.capsem.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The real {@code b3sum} CLI as the reference. CI installs it, so there a missing b3sum fails the
 * test; on a developer machine the test is skipped with a message saying what to install.
 */
final class B3sum {

  private final Path executable;

  private B3sum(Path executable) {
    this.executable = executable;
  }

  /** Finds b3sum on the PATH, or fails (CI=true) or skips the calling test. */
  static B3sum require() {
    Optional<Path> found = find();
    if (found.isPresent()) {
      return new B3sum(found.get());
    }
    String message =
        "b3sum is not installed (e.g. apt-get install b3sum); it is the reference for BLAKE3";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail("CI=true but " + message);
    }
    Assumptions.abort(message + "; skipping");
    throw new AssertionError("unreachable");
  }

  /** The 64-hex digest b3sum prints for {@code file}. */
  String hex(Path file) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(executable.toString(), "--no-names", file.toString())
            .redirectErrorStream(true)
            .start();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("b3sum finished").isTrue();
    String text = new String(output, StandardCharsets.UTF_8).strip();
    assertThat(process.exitValue()).as("b3sum exit code, output: %s", text).isZero();
    assertThat(text).matches("[0-9a-f]{64}");
    return text;
  }

  private static Optional<Path> find() {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, "b3sum");
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}

package dev.capsem.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code bin/capsem-admin} of this checkout as a separate process. */
final class AdminProcess {

  /** What one run printed and returned. */
  record Run(int exitCode, String stdout, String stderr) {

    /** No Java stack trace reached the user. */
    Run assertNoStackTrace() {
      assertThat(stderr).doesNotContain("Exception").doesNotContain("\tat ");
      assertThat(stdout).doesNotContain("Exception").doesNotContain("\tat ");
      return this;
    }
  }

  private AdminProcess() {}

  static Path repositoryRoot() {
    String root = System.getProperty("capsem.repository.root");
    return Path.of(root == null ? ".." : root).toAbsolutePath().normalize();
  }

  static Run run(Path workingDirectory, String... args) throws IOException, InterruptedException {
    return run(workingDirectory, Map.of(), args);
  }

  static Run run(Path workingDirectory, Map<String, String> environment, String... args)
      throws IOException, InterruptedException {
    return run(workingDirectory, environment, Duration.ofSeconds(120), args);
  }

  /** As {@link #run(Path, Map, String...)}, waiting at most {@code timeout} (image builds). */
  static Run run(
      Path workingDirectory, Map<String, String> environment, Duration timeout, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(repositoryRoot().resolve("bin/capsem-admin").toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
    builder.environment().putAll(environment);
    Path out = Files.createTempFile("capsem-admin", ".out");
    Path err = Files.createTempFile("capsem-admin", ".err");
    try {
      builder.redirectOutput(out.toFile()).redirectError(err.toFile());
      Process process = builder.start();
      if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("capsem-admin did not finish: " + command);
      }
      return new Run(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}

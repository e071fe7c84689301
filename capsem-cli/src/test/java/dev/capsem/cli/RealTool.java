package dev.capsem.cli;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real command-line tool ({@code minisign}, {@code b3sum}) run as the reference. Missing: the
 * test is skipped with a message, except under {@code CI=true}, where it fails.
 */
final class RealTool {

  record Result(int exitCode, String stdout, String stderr) {}

  private RealTool() {}

  static Path require(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    String message = name + " is not installed (scripts/setup-machine.sh installs it)";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(message);
    }
    abort(message);
    return null;
  }

  static Result run(String name, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(require(name).toString());
    command.addAll(List.of(args));
    Path out = Files.createTempFile("tool", ".out");
    Path err = Files.createTempFile("tool", ".err");
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail(name + " did not finish");
      }
      return new Result(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}

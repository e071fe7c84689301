package dev.capsem.signing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the real {@code minisign} binary, the reference our native implementation must match. Not
 * installed: the test is skipped with a notice, or fails when CI=true (CI installs minisign).
 */
final class MinisignCli {

  private static final long TIMEOUT_SECONDS = 300;

  private final Path executable;

  private MinisignCli(Path executable) {
    this.executable = executable;
  }

  /** The binary on PATH; skips or fails the calling test when there is none. */
  static MinisignCli require() {
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(File.pathSeparator)) {
        Path candidate = Path.of(dir, "minisign");
        if (Files.isExecutable(candidate)) {
          return new MinisignCli(candidate);
        }
      }
    }
    if (Ci.isCi()) {
      fail("minisign is not on PATH; CI=true requires it for the interoperability tests");
    }
    String notice = "minisign is not on PATH; skipping the interoperability test";
    // Surefire lists skips without their reason; the notice makes the gap visible in the log.
    System.err.println("NOTICE: " + notice);
    Assumptions.abort(notice);
    throw new AssertionError("unreachable");
  }

  /** Exit code and the two output streams of one run. */
  record Result(int exitCode, String stdout, String stderr) {}

  /**
   * Runs minisign in {@code workingDirectory} (so that relative names appear in its messages as in
   * ours) with {@code stdin} as its standard input, which is how it reads passwords when stdin is
   * not a terminal.
   */
  Result run(Path workingDirectory, String stdin, String... arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(List.of(arguments));
    Path out = Files.createTempFile("minisign-out", ".txt");
    Path err = Files.createTempFile("minisign-err", ".txt");
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(workingDirectory.toFile())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      try (OutputStream in = process.getOutputStream()) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail("minisign " + String.join(" ", arguments) + " timed out");
      }
      return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}

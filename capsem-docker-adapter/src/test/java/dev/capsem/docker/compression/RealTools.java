package dev.capsem.docker.compression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Real command-line tools the squashfs tests compare against (squashfs-tools, attr). CI installs
 * them (scripts/setup-machine.sh), so there a missing tool fails the test; elsewhere it is skipped
 * saying what to install.
 */
public final class RealTools {

  private RealTools() {}

  /** The tool's absolute path, or a failed (CI) or skipped test. */
  public static Path require(String tool, String debianPackage) {
    Optional<Path> found = find(tool);
    if (found.isPresent()) {
      return found.get();
    }
    String message = tool + " is not installed (apt-get install " + debianPackage + ")";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail("CI=true but " + message);
    }
    Assumptions.abort(message + "; skipping");
    throw new AssertionError("unreachable");
  }

  static Optional<Path> find(String tool) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, tool);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** Runs a command to completion; fails the test on a non-zero exit. Returns standard output. */
  public static byte[] run(List<String> command) throws IOException, InterruptedException {
    return run(command, null);
  }

  /** As {@link #run(List)}, feeding {@code stdin} (a file) to the command. */
  static byte[] run(List<String> command, Path stdin) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command));
    builder.environment().put("TZ", "UTC");
    if (stdin != null) {
      builder.redirectInput(stdin.toFile());
    }
    Process process = builder.start();
    CompletableFuture<byte[]> out = drain(process.getInputStream());
    CompletableFuture<byte[]> err = drain(process.getErrorStream());
    assertThat(process.waitFor(20, TimeUnit.MINUTES)).as("%s finished", command).isTrue();
    byte[] stdout = out.join();
    String stderr = new String(err.join(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as("%s exit code; stderr: %s", command, stderr).isZero();
    return stdout;
  }

  /** Runs a command that may need privileges this test lacks; says whether it succeeded. */
  static boolean attempt(List<String> command) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    return process.waitFor(1, TimeUnit.MINUTES) && process.exitValue() == 0;
  }

  private static CompletableFuture<byte[]> drain(InputStream stream) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (InputStream in = stream) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            in.transferTo(buffer);
            return buffer.toByteArray();
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
  }
}

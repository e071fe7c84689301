package dev.capsem.docker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The one place that starts processes: a fixed environment (so {@code DOCKER_HOST} and {@code PATH}
 * are whatever the caller configured), a timeout, and both output streams drained concurrently so
 * that a chatty child never blocks.
 */
public final class ProcessRunner {

  /** What a finished process printed. */
  public record Completed(int exitCode, String stdout, String stderr) {

    /** The last lines of standard error, for error messages. */
    public String stderrTail(int lines) {
      String[] all = stderr.strip().split("\n");
      int from = Math.max(0, all.length - lines);
      return String.join("\n", java.util.Arrays.asList(all).subList(from, all.length));
    }
  }

  /** The executable does not exist on the configured PATH. */
  public static final class NotFound extends Exception {
    private static final long serialVersionUID = 1L;

    NotFound(String executable, Throwable cause) {
      super(executable + " not found on PATH", cause);
    }
  }

  /** The process ran longer than allowed and was killed. */
  public static final class TimedOut extends Exception {
    private static final long serialVersionUID = 1L;

    TimedOut(List<String> command, Duration timeout) {
      super(
          "'"
              + String.join(" ", command)
              + "' did not finish within "
              + timeout.toSeconds()
              + " s");
    }
  }

  private final Map<String, String> environment;

  /** {@code environment} replaces the child's whole environment. */
  public ProcessRunner(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  public Map<String, String> environment() {
    return environment;
  }

  public Completed run(List<String> command, Duration timeout)
      throws NotFound, TimedOut, IOException {
    return run(command, timeout, null, null);
  }

  /**
   * Runs {@code command} in {@code workingDirectory} (null: the current one), feeding {@code stdin}
   * (null: nothing) and waiting at most {@code timeout}.
   */
  public Completed run(List<String> command, Duration timeout, Path workingDirectory, byte[] stdin)
      throws NotFound, TimedOut, IOException {
    return run(command, timeout, workingDirectory, stdin, null);
  }

  /**
   * As {@link #run(List, Duration, Path, byte[])}, also handing every output line, as it arrives,
   * to {@code lines} (null: nobody), so that a long build can be followed while it runs.
   */
  public Completed run(
      List<String> command,
      Duration timeout,
      Path workingDirectory,
      byte[] stdin,
      Consumer<String> lines)
      throws NotFound, TimedOut, IOException {
    Objects.requireNonNull(command, "command");
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().clear();
    builder.environment().putAll(environment);
    if (workingDirectory != null) {
      builder.directory(workingDirectory.toFile());
    }
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      if (String.valueOf(e.getMessage()).contains("error=2")
          || String.valueOf(e.getMessage()).contains("No such file")) {
        throw new NotFound(command.get(0), e);
      }
      throw e;
    }
    FutureTask<byte[]> out = drain(process.getInputStream(), lines);
    FutureTask<byte[]> err = drain(process.getErrorStream(), lines);
    try (OutputStream input = process.getOutputStream()) {
      if (stdin != null) {
        input.write(stdin);
      }
    } catch (IOException ignored) {
      // The child may exit without reading its input; its exit code tells what happened.
    }
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        throw new TimedOut(command, timeout);
      }
      return new Completed(
          process.exitValue(),
          new String(out.get(), StandardCharsets.UTF_8),
          new String(err.get(), StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + command.get(0), e);
    } catch (ExecutionException e) {
      throw new IOException("cannot read the output of " + command.get(0), e.getCause());
    }
  }

  /** Reads a running process's standard output as it arrives. */
  @FunctionalInterface
  public interface OutputReader<T> {
    T read(InputStream stdout) throws IOException;
  }

  /** What a process that streamed its standard output ended with. */
  public record Streamed<T>(int exitCode, String stderr, T result) {}

  /**
   * Runs {@code command}, handing its standard output to {@code reader} as it is written (a tar
   * stream of gigabytes never sits in memory or on disk); what the reader leaves unread is drained.
   * The process is killed when it outlives {@code timeout} (the reader then sees the stream end) or
   * when the reader throws.
   */
  public <T> Streamed<T> stream(List<String> command, Duration timeout, OutputReader<T> reader)
      throws NotFound, TimedOut, IOException {
    Objects.requireNonNull(command, "command");
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().clear();
    builder.environment().putAll(environment);
    builder.redirectInput(ProcessBuilder.Redirect.PIPE);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      if (String.valueOf(e.getMessage()).contains("error=2")
          || String.valueOf(e.getMessage()).contains("No such file")) {
        throw new NotFound(command.get(0), e);
      }
      throw e;
    }
    process.getOutputStream().close();
    FutureTask<byte[]> err = drain(process.getErrorStream(), null);
    java.util.concurrent.atomic.AtomicBoolean expired =
        new java.util.concurrent.atomic.AtomicBoolean();
    Thread watchdog =
        new Thread(
            () -> {
              try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                  expired.set(true);
                  process.descendants().forEach(ProcessHandle::destroyForcibly);
                  process.destroyForcibly();
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "capsem-process-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    T result;
    try (InputStream stdout = process.getInputStream()) {
      result = reader.read(stdout);
      stdout.transferTo(OutputStream.nullOutputStream());
    } catch (IOException | RuntimeException e) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      if (expired.get()) {
        throw new TimedOut(command, timeout);
      }
      throw e;
    }
    try {
      int exit = process.waitFor();
      watchdog.interrupt();
      if (expired.get()) {
        throw new TimedOut(command, timeout);
      }
      return new Streamed<>(exit, new String(err.get(), StandardCharsets.UTF_8), result);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + command.get(0), e);
    } catch (ExecutionException e) {
      throw new IOException("cannot read the output of " + command.get(0), e.getCause());
    }
  }

  /**
   * Reads a stream to its end on a thread of its own (blocking reads stay off shared pools),
   * passing complete lines to {@code lines} when given.
   */
  private static FutureTask<byte[]> drain(InputStream stream, Consumer<String> lines) {
    FutureTask<byte[]> task =
        new FutureTask<>(
            () -> {
              try (InputStream in = stream) {
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                if (lines == null) {
                  in.transferTo(buffer);
                  return buffer.toByteArray();
                }
                ByteArrayOutputStream line = new ByteArrayOutputStream();
                byte[] chunk = new byte[8192];
                for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                  buffer.write(chunk, 0, n);
                  for (int i = 0; i < n; i++) {
                    if (chunk[i] == '\n') {
                      lines.accept(line.toString(StandardCharsets.UTF_8));
                      line.reset();
                    } else {
                      line.write(chunk[i]);
                    }
                  }
                }
                if (line.size() > 0) {
                  lines.accept(line.toString(StandardCharsets.UTF_8));
                }
                return buffer.toByteArray();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    Thread reader = new Thread(task, "capsem-process-output");
    reader.setDaemon(true);
    reader.start();
    return task;
  }
}

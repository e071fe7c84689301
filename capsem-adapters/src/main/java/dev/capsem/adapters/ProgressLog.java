package dev.capsem.adapters;

import dev.capsem.core.ports.BuildProgress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Progress as lines, the same for every face: the command line prints them on standard error, the
 * Maven plugin in its log with a {@code capsem: } prefix. Each step is timed; while one runs, no
 * heartbeat passes without a line: when nothing was printed for most of one, a line says the step
 * is alive, where the work stands ({@code step 2/5}) and what the container printed last, so a
 * kernel compile is never a silent half hour. Steps begun on one thread nest (the innermost is
 * shown); steps on different threads run side by side, and each gets its line.
 */
public final class ProgressLog implements BuildProgress, AutoCloseable {

  /** Where the lines go. */
  public interface Lines {
    void info(String line);

    /** A step that failed; by default an ordinary line. */
    default void warn(String line) {
      info(line);
    }
  }

  /** The longest a running step stays silent. */
  public static final Duration HEARTBEAT = Duration.ofSeconds(30);

  /** How many times per heartbeat the silence is measured: a line comes within one tick of due. */
  private static final int TICKS_PER_HEARTBEAT = 6;

  private static final int LONG_ARGUMENT = 100;
  private static final int LONG_OUTPUT = 160;

  private final Lines lines;
  private final boolean verbose;
  private final LongSupplier nanoTime;
  private final ScheduledExecutorService timer;
  private final ScheduledFuture<?> beat;
  private final long heartbeatNanos;
  private final long tickNanos;

  /** A step that has begun and not ended, with what its container printed last. */
  private static final class Running {
    final String step;
    final int index;
    final long since;
    final Thread thread;
    String lastOutput;

    Running(String step, int index, long since, Thread thread) {
      this.step = step;
      this.index = index;
      this.since = since;
      this.thread = thread;
    }
  }

  private int planned;
  private int begun;
  private final List<Running> running = new ArrayList<>();
  private long lastLineAt;

  /**
   * @param verbose print every line the containers print, not only the last one at each heartbeat
   */
  public ProgressLog(Lines lines, boolean verbose) {
    this(lines, verbose, HEARTBEAT, System::nanoTime);
  }

  ProgressLog(Lines lines, boolean verbose, Duration heartbeat, LongSupplier nanoTime) {
    this.lines = Objects.requireNonNull(lines, "lines");
    this.verbose = verbose;
    this.nanoTime = nanoTime;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "capsem-progress");
              thread.setDaemon(true);
              return thread;
            });
    this.heartbeatNanos = heartbeat.toNanos();
    this.tickNanos = heartbeatNanos / TICKS_PER_HEARTBEAT;
    this.lastLineAt = nanoTime.getAsLong();
    long period = Math.max(1, heartbeat.toMillis() / TICKS_PER_HEARTBEAT);
    this.beat = timer.scheduleAtFixedRate(this::tick, period, period, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void plan(int steps) {
    planned = steps;
    begun = 0;
  }

  @Override
  public Step begin(String step) {
    long started = nanoTime.getAsLong();
    Running begunStep;
    synchronized (this) {
      begun++;
      begunStep = new Running(step, begun, started, Thread.currentThread());
      running.add(begunStep);
    }
    info("==> " + step);
    return new Step() {
      private boolean succeeded;

      @Override
      public void succeeded() {
        succeeded = true;
      }

      @Override
      public void close() {
        synchronized (ProgressLog.this) {
          running.remove(begunStep);
        }
        String time = duration(nanoTime.getAsLong() - started);
        if (succeeded) {
          info("<== " + step + " done in " + time);
        } else {
          warn("<== " + step + " failed after " + time);
        }
      }
    };
  }

  @Override
  public void command(List<String> commandLine) {
    StringBuilder line = new StringBuilder("  ->");
    for (String argument : commandLine) {
      line.append(' ').append(shorten(argument));
    }
    info(line.toString());
  }

  @Override
  public void note(String message) {
    info("  " + message);
  }

  @Override
  public void result(String line) {
    info(line);
  }

  @Override
  public void warning(String message) {
    warn(message);
  }

  @Override
  public void output(String line) {
    synchronized (this) {
      remember(running.isEmpty() ? null : running.get(running.size() - 1), line);
    }
    if (verbose) {
      info("    | " + line);
    }
  }

  @Override
  public void output(String step, String line) {
    synchronized (this) {
      Running target = running.isEmpty() ? null : running.get(running.size() - 1);
      for (Running each : running) {
        if (each.step.equals(step)) {
          target = each;
        }
      }
      remember(target, line);
    }
    if (verbose) {
      info("    | " + step + ": " + line);
    }
  }

  private static void remember(Running step, String line) {
    if (step != null && !line.isBlank()) {
      step.lastOutput = line.strip();
    }
  }

  /**
   * The lines the running steps print when nothing was printed for all but the last tick of a
   * heartbeat (the next tick would be too late): one per thread's innermost step, in the order they
   * began; none when a line was printed lately.
   */
  private synchronized List<String> heartbeatLines() {
    long now = nanoTime.getAsLong();
    if (running.isEmpty() || now - lastLineAt < heartbeatNanos - tickNanos) {
      return List.of();
    }
    List<Running> innermost = new ArrayList<>();
    for (Running each : running) {
      innermost.removeIf(shown -> shown.thread == each.thread);
      innermost.add(each);
    }
    List<String> lines = new ArrayList<>();
    for (Running each : innermost) {
      StringBuilder line = new StringBuilder("  ... ").append(each.step);
      if (planned > 0) {
        line.append(" (step ")
            .append(Math.min(each.index, planned))
            .append('/')
            .append(planned)
            .append(')');
      }
      line.append(": running for ").append(duration(now - each.since));
      if (each.lastOutput != null) {
        String last =
            each.lastOutput.length() > LONG_OUTPUT
                ? each.lastOutput.substring(0, LONG_OUTPUT) + "..."
                : each.lastOutput;
        line.append("; last output: ").append(last);
      }
      lines.add(line.toString());
    }
    return lines;
  }

  /** One measure of the silence: prints the heartbeat lines when they are due. */
  void tick() {
    for (String line : heartbeatLines()) {
      info(line);
    }
  }

  private void info(String line) {
    heard();
    lines.info(line);
  }

  private void warn(String line) {
    heard();
    lines.warn(line);
  }

  private synchronized void heard() {
    lastLineAt = nanoTime.getAsLong();
  }

  @Override
  public void close() {
    beat.cancel(false);
    timer.shutdownNow();
  }

  /** Scripts passed as one argument would flood the log: their first line stands for them. */
  private static String shorten(String argument) {
    int newline = argument.indexOf('\n');
    String first = newline < 0 ? argument : argument.substring(0, newline);
    if (first.length() > LONG_ARGUMENT) {
      first = first.substring(0, LONG_ARGUMENT);
    }
    return first.length() < argument.length() ? "'" + first + "...'" : argument;
  }

  /** {@code 4.2s} under a minute, else {@code 12m05s}. */
  public static String duration(long nanos) {
    long seconds = Math.round(nanos / 1e9);
    if (seconds < 60) {
      return String.format(Locale.ROOT, "%.1fs", nanos / 1e9);
    }
    return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
  }
}

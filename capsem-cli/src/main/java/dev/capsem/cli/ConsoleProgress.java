package dev.capsem.cli;

import dev.capsem.core.ports.BuildProgress;
import java.util.List;
import java.util.Locale;

/**
 * Build progress on standard error, so that {@code --json} keeps standard output for the report:
 * each step with its time, each container command as {@code -> docker ...}.
 */
final class ConsoleProgress implements BuildProgress {

  private static final int LONG_ARGUMENT = 100;

  private final Console console;

  ConsoleProgress(Console console) {
    this.console = console;
  }

  @Override
  public Step begin(String step) {
    console.err("==> " + step);
    long started = System.nanoTime();
    return new Step() {
      private boolean succeeded;

      @Override
      public void succeeded() {
        succeeded = true;
      }

      @Override
      public void close() {
        console.err(
            "<== "
                + step
                + (succeeded ? " done in " : " failed after ")
                + duration(System.nanoTime() - started));
      }
    };
  }

  @Override
  public void command(List<String> commandLine) {
    StringBuilder line = new StringBuilder("  ->");
    for (String argument : commandLine) {
      line.append(' ').append(shorten(argument));
    }
    console.err(line.toString());
  }

  @Override
  public void note(String message) {
    console.err("  " + message);
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

  static String duration(long nanos) {
    long seconds = Math.round(nanos / 1e9);
    if (seconds < 60) {
      return String.format(Locale.ROOT, "%.1fs", nanos / 1e9);
    }
    return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
  }
}

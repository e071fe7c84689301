package dev.capsem.maven;

import dev.capsem.core.ports.BuildProgress;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.logging.Log;

/** Build progress in the Maven log, each step with its time. */
final class LogProgress implements BuildProgress {
  private final Log log;

  LogProgress(Log log) {
    this.log = log;
  }

  @Override
  public Step begin(String step) {
    log.info("capsem: ==> " + step);
    long started = System.nanoTime();
    return new Step() {
      private boolean succeeded;

      @Override
      public void succeeded() {
        succeeded = true;
      }

      @Override
      public void close() {
        String time = String.format(Locale.ROOT, "%.1fs", (System.nanoTime() - started) / 1e9);
        if (succeeded) {
          log.info("capsem: <== " + step + " done in " + time);
        } else {
          log.warn("capsem: <== " + step + " failed after " + time);
        }
      }
    };
  }

  @Override
  public void command(List<String> commandLine) {
    StringBuilder line = new StringBuilder("capsem:   ->");
    for (String argument : commandLine) {
      int newline = argument.indexOf('\n');
      line.append(' ').append(newline < 0 ? argument : argument.substring(0, newline) + "...");
    }
    log.info(line.toString());
  }

  @Override
  public void note(String message) {
    log.info("capsem:   " + message);
  }
}

package dev.capsem.cli;

import dev.capsem.adapters.ProgressLog;

/**
 * Progress on standard error, so that {@code --json} keeps standard output for the report: each
 * step with its time, each container command, a heartbeat on long steps.
 */
final class Progress {

  private Progress() {}

  static ProgressLog on(Console console, boolean verbose) {
    return new ProgressLog(console::err, verbose);
  }
}

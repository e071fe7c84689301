package dev.capsem.core.ports;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Runs short, read-only commands on the host ({@code docker --version}) for diagnosis. */
public interface ToolProbe {

  /** What a finished command printed. */
  record Output(int exitCode, String stdout, String stderr) {}

  /**
   * Runs {@code command}. Empty when the executable is not on the PATH or the command could not be
   * run at all; a command that ran and failed still returns its output.
   */
  Optional<Output> run(List<String> command, Duration timeout);
}

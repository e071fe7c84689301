package dev.capsem.docker;

import dev.capsem.core.ports.ToolProbe;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The doctor's host probe over the process runner. */
public final class ProcessToolProbe implements ToolProbe {

  private final ProcessRunner runner;

  public ProcessToolProbe(ProcessRunner runner) {
    this.runner = runner;
  }

  @Override
  public Optional<Output> run(List<String> command, Duration timeout) {
    try {
      ProcessRunner.Completed done = runner.run(command, timeout);
      return Optional.of(new Output(done.exitCode(), done.stdout(), done.stderr()));
    } catch (ProcessRunner.NotFound | ProcessRunner.TimedOut | IOException e) {
      return Optional.empty();
    }
  }
}

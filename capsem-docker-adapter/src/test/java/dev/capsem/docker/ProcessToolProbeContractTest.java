package dev.capsem.docker;

import dev.capsem.core.ports.ToolProbe;
import dev.capsem.core.testing.ToolProbeContract;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The tool probe contract against real processes, run through {@code sh}. */
class ProcessToolProbeContractTest extends ToolProbeContract {

  private final ToolProbe probe =
      new ProcessToolProbe(
          new ProcessRunner(Map.of("PATH", "/usr/local/bin:/usr/bin:/bin", "LC_ALL", "C.UTF-8")));

  @Override
  protected ToolProbe probe() {
    return probe;
  }

  @Override
  protected List<String> printing(String stdout, String stderr, int exit) {
    // The texts travel as arguments, so no quoting of theirs can change the script.
    return List.of(
        "sh",
        "-c",
        "printf '%s' \"$1\"; printf '%s' \"$2\" >&2; exit \"$3\"",
        "sh",
        stdout,
        stderr,
        Integer.toString(exit));
  }

  @Override
  protected List<String> countingTo(int count) {
    return List.of("sh", "-c", "seq 1 \"$1\"; seq 1 \"$1\" >&2", "sh", Integer.toString(count));
  }

  @Override
  protected List<String> missingTool() {
    return List.of("capsem-contract-no-such-tool", "--version");
  }

  @Override
  protected List<String> runningFor(Duration duration) {
    return List.of("sleep", Long.toString(duration.toSeconds()));
  }
}

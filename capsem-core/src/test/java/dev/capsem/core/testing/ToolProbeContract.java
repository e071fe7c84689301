package dev.capsem.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.ports.ToolProbe;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ToolProbe} must do for {@code doctor} (STYLE rule 11): a command that ran gives
 * its exit code and both outputs, kept apart, however it exited and however much it printed; a tool
 * that is not installed, or that runs past the timeout, gives nothing, and soon.
 *
 * <p>The contract names commands by what they do; each implementation's test says how it runs them
 * (a shell for the real probe, scripted answers for the fake).
 */
public abstract class ToolProbeContract {

  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  /** The probe under test. */
  protected abstract ToolProbe probe();

  /**
   * A command that prints {@code stdout} and {@code stderr} as they are, then exits {@code exit}.
   */
  protected abstract List<String> printing(String stdout, String stderr, int exit);

  /** A command that prints {@code 1} to {@code count}, one a line, on standard output and error. */
  protected abstract List<String> countingTo(int count);

  /** A command whose executable is installed nowhere. */
  protected abstract List<String> missingTool();

  /** A command that runs for at least {@code duration} when left alone. */
  protected abstract List<String> runningFor(Duration duration);

  @Test
  void run_commandExitsNonZero_givesItsExitCodeAndOutput() {
    Optional<ToolProbe.Output> output = probe().run(printing("x\n", "", 3), TIMEOUT);

    assertThat(output).contains(new ToolProbe.Output(3, "x\n", ""));
  }

  @Test
  void run_commandSucceeds_keepsStandardOutputAndErrorApart() {
    Optional<ToolProbe.Output> output =
        probe().run(printing("Docker version 28.2.2\n", "a warning\n", 0), TIMEOUT);

    assertThat(output).contains(new ToolProbe.Output(0, "Docker version 28.2.2\n", "a warning\n"));
  }

  @Test
  void run_outputInUtf8_isDecodedAsUtf8() {
    Optional<ToolProbe.Output> output =
        probe().run(printing("caf\u00e9 \u2713\n", "\u00fcber\n", 1), TIMEOUT);

    assertThat(output).contains(new ToolProbe.Output(1, "caf\u00e9 \u2713\n", "\u00fcber\n"));
  }

  @Test
  void run_muchOutputOnBothStreams_givesAllOfIt() {
    int count = 100_000;
    String expected =
        IntStream.rangeClosed(1, count)
            .mapToObj(Integer::toString)
            .collect(Collectors.joining("\n", "", "\n"));

    Optional<ToolProbe.Output> output = probe().run(countingTo(count), TIMEOUT);

    assertThat(output).contains(new ToolProbe.Output(0, expected, expected));
  }

  @Test
  void run_toolNotInstalled_isEmpty() {
    assertThat(probe().run(missingTool(), TIMEOUT)).isEmpty();
  }

  @Test
  void run_pastTheTimeout_isEmptySoonAfterTheTimeout() {
    long start = System.nanoTime();

    Optional<ToolProbe.Output> output =
        probe().run(runningFor(Duration.ofSeconds(60)), Duration.ofMillis(500));

    assertThat(output).isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }
}

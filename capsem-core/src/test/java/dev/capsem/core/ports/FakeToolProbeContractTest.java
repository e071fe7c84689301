package dev.capsem.core.ports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.testing.FakeToolProbe;
import dev.capsem.core.testing.ToolProbeContract;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The scripted probe keeps the contract the process probe keeps. */
class FakeToolProbeContractTest extends ToolProbeContract {

  private final FakeToolProbe probe = new FakeToolProbe();

  @Override
  protected ToolProbe probe() {
    return probe;
  }

  @Override
  protected List<String> printing(String stdout, String stderr, int exit) {
    List<String> command = List.of("printing", stdout, stderr, Integer.toString(exit));
    probe.answer(command, exit, stdout, stderr);
    return command;
  }

  @Override
  protected List<String> countingTo(int count) {
    String numbers =
        IntStream.rangeClosed(1, count)
            .mapToObj(Integer::toString)
            .collect(Collectors.joining("\n", "", "\n"));
    List<String> command = List.of("seq", "1", Integer.toString(count));
    probe.answer(command, 0, numbers, numbers);
    return command;
  }

  @Override
  protected List<String> missingTool() {
    return List.of("capsem-no-such-tool", "--version");
  }

  @Override
  protected List<String> runningFor(Duration duration) {
    List<String> command = List.of("sleep", Long.toString(duration.toSeconds()));
    probe.hang(command);
    return command;
  }

  @Test
  void asked_recordsEveryCommandInOrder() {
    probe.answer(List.of("docker", "--version"), 0, "Docker version 28\n", "");

    probe.run(List.of("docker", "--version"), Duration.ofSeconds(1));
    probe.run(List.of("colima", "status"), Duration.ofSeconds(1));

    assertThat(probe.asked())
        .containsExactly(List.of("docker", "--version"), List.of("colima", "status"));
  }
}

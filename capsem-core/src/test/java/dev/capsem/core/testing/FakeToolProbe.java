package dev.capsem.core.testing;

import dev.capsem.core.ports.ToolProbe;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A host whose tools answer from a script: {@link #answer} says what a command prints, {@link
 * #hang} makes it run past any timeout. Any other command is a tool that is not installed. Every
 * command asked is recorded ({@link #asked}).
 */
public final class FakeToolProbe implements ToolProbe {

  private final Map<List<String>, Output> answers = new ConcurrentHashMap<>();
  private final Set<List<String>> hanging = ConcurrentHashMap.newKeySet();
  private final List<List<String>> asked = new CopyOnWriteArrayList<>();

  /** {@code command} prints {@code stdout} and {@code stderr} and exits {@code exitCode}. */
  public FakeToolProbe answer(List<String> command, int exitCode, String stdout, String stderr) {
    answers.put(List.copyOf(command), new Output(exitCode, stdout, stderr));
    return this;
  }

  /** {@code command} never finishes: it is given up at the timeout, as the real probe does. */
  public FakeToolProbe hang(List<String> command) {
    hanging.add(List.copyOf(command));
    return this;
  }

  /** The commands run so far, oldest first. */
  public List<List<String>> asked() {
    return List.copyOf(asked);
  }

  @Override
  public Optional<Output> run(List<String> command, Duration timeout) {
    asked.add(List.copyOf(command));
    if (hanging.contains(command)) {
      return Optional.empty();
    }
    return Optional.ofNullable(answers.get(command));
  }
}

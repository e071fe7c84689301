package dev.capsem.core.ports;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The runtime of an embedding that configured none: it renders commands but runs nothing. */
enum NoContainerRuntime implements ContainerRuntime {
  INSTANCE;

  private static final String WHY = "no container runtime is configured in this application";

  @Override
  public String probe() throws ContainerRuntimeException {
    throw new ContainerRuntimeException(
        ContainerRuntimeException.Kind.NOT_FOUND, List.of("docker"), -1, "", WHY);
  }

  @Override
  public Optional<String> platformProblem(String platform) {
    return Optional.empty();
  }

  @Override
  public List<String> commandLine(ContainerCommand command) {
    List<String> line = new ArrayList<>(List.of("docker"));
    line.addAll(List.of(command.verb().split(" ")));
    return line;
  }

  @Override
  public <T> T exportStream(String container, TarStreamReader<T> reader)
      throws ContainerRuntimeException {
    throw new ContainerRuntimeException(
        ContainerRuntimeException.Kind.NOT_FOUND,
        List.of("docker", "export", container),
        -1,
        "",
        WHY);
  }

  @Override
  public String execute(ContainerCommand command) throws ContainerRuntimeException {
    throw new ContainerRuntimeException(
        ContainerRuntimeException.Kind.NOT_FOUND, commandLine(command), -1, "", WHY);
  }
}

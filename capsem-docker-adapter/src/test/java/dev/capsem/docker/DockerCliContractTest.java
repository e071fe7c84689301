package dev.capsem.docker;

import dev.capsem.core.ports.ContainerRuntime;
import dev.capsem.core.testing.ContainerRuntimeContract;
import org.junit.jupiter.api.BeforeEach;

/** The runtime contract against the real engine. */
class DockerCliContractTest extends ContainerRuntimeContract {

  private DockerCli docker;

  @BeforeEach
  void engine() {
    docker = RealEngine.require();
  }

  @Override
  protected ContainerRuntime runtime() {
    return docker;
  }

  @Override
  protected String baseImage() {
    return RealEngine.BASE_IMAGE;
  }
}

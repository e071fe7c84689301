package dev.capsem.core.ports;

import dev.capsem.core.testing.ContainerRuntimeContract;
import dev.capsem.core.testing.FakeContainerRuntime;
import java.util.Set;

/** The fake keeps the contract the Docker adapter keeps, so tests built on it mean something. */
class FakeContainerRuntimeContractTest extends ContainerRuntimeContract {

  private final FakeContainerRuntime runtime = new FakeContainerRuntime(Set.of("base:test"));

  @Override
  protected ContainerRuntime runtime() {
    return runtime;
  }

  @Override
  protected String baseImage() {
    return "base:test";
  }
}

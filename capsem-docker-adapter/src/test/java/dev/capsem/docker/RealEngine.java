package dev.capsem.docker;

import static org.junit.jupiter.api.Assertions.fail;

import dev.capsem.core.ports.ContainerCommand;
import dev.capsem.core.ports.ContainerRuntimeException;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Docker engine for tests. CI (CI=true) starts dockerd and makes the base image, so there
 * a missing engine fails the test; elsewhere the test is skipped with what to run.
 */
final class RealEngine {

  static final String BASE_IMAGE = "debian:bookworm-slim";

  private RealEngine() {}

  /**
   * The Docker CLI adapter on this machine's environment, once its engine and base image answer.
   */
  static DockerCli require() {
    DockerCli docker = DockerCli.of(System.getenv());
    String problem = null;
    try {
      docker.probe();
      docker.execute(new ContainerCommand.InspectImage(BASE_IMAGE));
    } catch (ContainerRuntimeException e) {
      problem =
          "no usable Docker engine with the base image "
              + BASE_IMAGE
              + " ("
              + e.getMessage()
              + "; "
              + e.stderrTail().strip()
              + "): run scripts/container-engine.sh";
    }
    if (problem != null) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("CI=true but " + problem);
      }
      Assumptions.abort(problem + "; skipping");
    }
    return docker;
  }
}

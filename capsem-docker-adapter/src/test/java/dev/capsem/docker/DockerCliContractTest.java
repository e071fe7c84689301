package dev.capsem.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.ports.ContainerCommand;
import dev.capsem.core.ports.ContainerRuntime;
import dev.capsem.core.testing.ContainerRuntimeContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The runtime contract against the real engine, and what only a real engine's cache shows. */
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

  @Test
  void removeImage_ofASingleStageBuild_keepsItsLayersForTheNextBuild() throws Exception {
    String token = UUID.randomUUID().toString();
    Path context = Files.createDirectories(temp.resolve("cached-" + token));
    // A step whose output differs on every run: the same bytes twice means the cache served it.
    Files.writeString(
        context.resolve("Dockerfile"),
        "FROM "
            + baseImage()
            + "\nRUN echo "
            + token
            + " > /token && head -c 16 /dev/urandom | od -An -tx1 > /random\n"
            + "LABEL dev.capsem.test=removed\n");
    String first = "capsem-cache-a-" + token.substring(0, 8);
    String second = "capsem-cache-b-" + token.substring(0, 8);

    docker.execute(new ContainerCommand.Build(null, first, context, Map.of(), false));
    String random = docker.execute(run(first));
    docker.execute(new ContainerCommand.RemoveImage(first));
    docker.execute(new ContainerCommand.Build(null, second, context, Map.of(), false));
    try {
      assertThat(docker.execute(run(second))).isEqualTo(random).isNotBlank();
    } finally {
      docker.execute(new ContainerCommand.RemoveImage(second));
    }
  }

  private static ContainerCommand.Run run(String image) {
    return new ContainerCommand.Run(null, image, false, List.of("cat", "/random"));
  }
}

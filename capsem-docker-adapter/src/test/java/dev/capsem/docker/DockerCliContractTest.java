package dev.capsem.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.ports.ContainerCommand;
import dev.capsem.core.ports.ContainerRuntime;
import dev.capsem.core.ports.ContainerRuntimeException;
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

  @Test
  void aBuildWithoutCache_removedWithItsLayersAndStages_leavesTheCacheOfRecipesSharingItsPrefix()
      throws Exception {
    String token = UUID.randomUUID().toString().substring(0, 8);
    String labelKey = "dev.capsem.test-build-" + token;
    // Two recipes with the same first instructions, as both kernels or two profiles' rootfs have;
    // each stage ends with a label naming its build, as the image build's stages do.
    String prefix = "ARG SHARED_" + token + "\nENV SHARED_" + token + "=1\n";
    String random = " && head -c 16 /dev/urandom | od -An -tx1 > /random\n";
    String buildLabel = "ARG BUILD\nLABEL " + labelKey + "=${BUILD}\n";
    Path staged = Files.createDirectories(temp.resolve("staged-" + token));
    Files.writeString(
        staged.resolve("Dockerfile"),
        "FROM "
            + baseImage()
            + " AS build\n"
            + prefix
            + "RUN echo staged > /staged"
            + random
            + buildLabel
            + "FROM "
            + baseImage()
            + "\nCOPY --from=build /random /random\n");
    Path other = Files.createDirectories(temp.resolve("other-" + token));
    Files.writeString(
        other.resolve("Dockerfile"),
        "FROM " + baseImage() + "\n" + prefix + "RUN echo other > /other" + random + buildLabel);
    String stagedTag = "capsem-staged-" + token;
    String otherTag = "capsem-other-" + token;
    try {
      docker.execute(build(stagedTag, staged, "first", false));
      docker.execute(build(otherTag, other, "first", false));
      String otherRandom = docker.execute(run(otherTag));
      docker.execute(new ContainerCommand.RemoveImage(otherTag));

      // Without the cache: new copies of the shared prefix, newer than the cached ones.
      docker.execute(build(stagedTag, staged, "second", true));
      docker.execute(new ContainerCommand.RemoveImageAndLayers(stagedTag));
      String stages =
          docker.execute(new ContainerCommand.ListUntaggedImages(labelKey + "=second")).strip();
      assertThat(stages.split("\\s+")).as("the second build's build stage").hasSize(1);
      docker.execute(new ContainerCommand.RemoveImageAndLayers(stages));

      docker.execute(build(otherTag, other, "third", false));
      assertThat(docker.execute(run(otherTag)))
          .as("the other recipe's last step still comes from the cache")
          .isEqualTo(otherRandom)
          .isNotBlank();
    } finally {
      for (String tag : List.of(stagedTag, otherTag)) {
        try {
          docker.execute(new ContainerCommand.RemoveImageAndLayers(tag));
        } catch (ContainerRuntimeException gone) {
          // removed by the test already
        }
      }
    }
  }

  @Test
  void aSpareShareBuild_runsItsStepsAtTheLeastCpuWeight_andAnEqualOneAtTheDefault()
      throws Exception {
    String token = UUID.randomUUID().toString().substring(0, 8);
    Path context = Files.createDirectories(temp.resolve("share-" + token));
    // What the step's own cgroup says: cpu.shares under cgroup v1, cpu.weight under v2.
    Files.writeString(
        context.resolve("Dockerfile"),
        "FROM "
            + baseImage()
            + "\nARG TOKEN\nRUN echo $TOKEN > /token && (cat /sys/fs/cgroup/cpu/cpu.shares"
            + " || cat /sys/fs/cgroup/cpu,cpuacct/cpu.shares || cat /sys/fs/cgroup/cpu.weight)"
            + " > /random\n");
    String spare = "capsem-spare-" + token;
    String equal = "capsem-equal-" + token;
    try {
      docker.execute(shared(spare, context, ContainerCommand.CpuShare.SPARE));
      docker.execute(shared(equal, context, ContainerCommand.CpuShare.EQUAL));
      // cgroup v1: 2 and the default 1024; cgroup v2: Docker's weight for 2 shares (1) and 100.
      assertThat(docker.execute(run(spare)).strip()).isIn("2", "1");
      assertThat(docker.execute(run(equal)).strip()).isIn("1024", "100");
    } finally {
      for (String tag : List.of(spare, equal)) {
        docker.execute(new ContainerCommand.RemoveImageAndLayers(tag));
      }
    }
  }

  // The tag as the build argument, so that each build runs its step rather than taking the other's.
  private static ContainerCommand.Build shared(
      String tag, Path context, ContainerCommand.CpuShare share) {
    return new ContainerCommand.Build(null, tag, context, Map.of("TOKEN", tag), false, share);
  }

  private static ContainerCommand.Build build(
      String tag, Path context, String buildId, boolean noCache) {
    return new ContainerCommand.Build(null, tag, context, Map.of("BUILD", buildId), noCache);
  }

  private static ContainerCommand.Run run(String image) {
    return new ContainerCommand.Run(null, image, false, List.of("cat", "/random"));
  }
}

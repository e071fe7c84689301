package dev.capsem.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capsem.core.ports.ContainerCommand;
import dev.capsem.core.ports.ContainerRuntimeException;
import dev.capsem.core.ports.ContainerRuntimeException.Kind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adapter without an engine: the command shapes, and a stand-in {@code docker} script that
 * records what it was given and answers as told.
 */
class DockerCliTest {

  @TempDir Path temp;

  private static final DockerCli.Timeouts SHORT =
      new DockerCli.Timeouts(
          Duration.ofSeconds(20),
          Duration.ofSeconds(20),
          Duration.ofSeconds(20),
          Duration.ofSeconds(20));

  /** A {@code docker} that logs its arguments and DOCKER_HOST, prints {@code stderr}, exits. */
  private Path shim(int exitCode, String stderr) throws Exception {
    Path script = temp.resolve("docker");
    Files.writeString(
        script,
        "#!/bin/sh\n"
            + "echo \"$DOCKER_HOST|$*\" >> '"
            + temp.resolve("calls.log")
            + "'\n"
            + "printf '%s\\n' '"
            + stderr
            + "' >&2\n"
            + "echo out-of-$1\n"
            + "exit "
            + exitCode
            + "\n",
        StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script;
  }

  private DockerCli cli(Path executable, Map<String, String> environment) {
    return new DockerCli(new ProcessRunner(environment), executable.toString(), SHORT, null);
  }

  private static DockerCli docker() {
    return new DockerCli(new ProcessRunner(Map.of()), "docker", SHORT, null);
  }

  @Test
  void commandLine_spareShareBuild_asksForTheLeastCpuShares() {
    assertThat(
            docker()
                .commandLine(
                    new ContainerCommand.Build(
                        null,
                        "capsem-rootfs-x86_64",
                        Path.of("ctx"),
                        Map.of(),
                        false,
                        ContainerCommand.CpuShare.SPARE)))
        .containsExactly(
            "docker",
            "build",
            "--force-rm",
            "--cpu-shares",
            "2",
            "-t",
            "capsem-rootfs-x86_64",
            "-f",
            "ctx/Dockerfile",
            "ctx");
  }

  @Test
  void commandLine_build_isUpstreamsShapeWithPlatformArgsTagAndFile() {
    Map<String, String> args = new LinkedHashMap<>();
    args.put("KERNEL_VERSION", "6.6.127");
    Path context = Path.of("ctx");

    assertThat(
            docker()
                .commandLine(
                    new ContainerCommand.Build(
                        "linux/arm64", "capsem-kernel-arm64", context, args, true)))
        .containsExactly(
            "docker",
            "build",
            "--platform",
            "linux/arm64",
            "--no-cache",
            "--force-rm",
            "--build-arg",
            "KERNEL_VERSION=6.6.127",
            "-t",
            "capsem-kernel-arm64",
            "-f",
            "ctx/Dockerfile",
            "ctx");
  }

  @Test
  void commandLine_otherVerbs_matchTheSpecsShapes() {
    DockerCli docker = docker();

    assertThat(
            docker.commandLine(
                new ContainerCommand.Create("linux/amd64", "img", false, List.of("/bin/true"))))
        .containsExactly(
            "docker",
            "create",
            "--platform",
            "linux/amd64",
            "--network",
            "none",
            "img",
            "/bin/true");
    assertThat(docker.commandLine(new ContainerCommand.Export("c1", Path.of("out/rootfs.tar"))))
        .containsExactly("docker", "export", "c1", "-o", "out/rootfs.tar");
    assertThat(docker.commandLine(new ContainerCommand.CopyOut("c1", "/vmlinuz", Path.of("v"))))
        .containsExactly("docker", "cp", "c1:/vmlinuz", "v");
    assertThat(docker.commandLine(new ContainerCommand.CopyIn(Path.of("t"), "c1", "/rootfs.tar")))
        .containsExactly("docker", "cp", "t", "c1:/rootfs.tar");
    assertThat(docker.commandLine(new ContainerCommand.Start("c1")))
        .containsExactly("docker", "start", "-a", "c1");
    assertThat(
            docker.commandLine(
                new ContainerCommand.Run("linux/arm64", "img", true, List.of("bash", "-c", "x"))))
        .containsExactly(
            "docker", "run", "--rm", "--platform", "linux/arm64", "img", "bash", "-c", "x");
    assertThat(docker.commandLine(new ContainerCommand.RemoveContainer("c1")))
        .containsExactly("docker", "rm", "-f", "c1");
    assertThat(docker.commandLine(new ContainerCommand.RemoveImage("img")))
        .containsExactly("docker", "rmi", "-f", "--no-prune", "img");
    assertThat(docker.commandLine(new ContainerCommand.RemoveImageAndLayers("img")))
        .containsExactly("docker", "rmi", "-f", "img");
    assertThat(docker.commandLine(new ContainerCommand.ListUntaggedImages("dev.capsem.x=1")))
        .containsExactly(
            "docker",
            "images",
            "-q",
            "--no-trunc",
            "--filter",
            "dangling=true",
            "--filter",
            "label=dev.capsem.x=1");
  }

  @Test
  void execute_dockerHostSet_reachesEveryCall() throws Exception {
    DockerCli docker = cli(shim(0, ""), Map.of("DOCKER_HOST", "tcp://builder.corp.example:2376"));

    docker.execute(new ContainerCommand.RemoveImage("img"));
    docker.execute(new ContainerCommand.InspectImage("img"));

    assertThat(Files.readAllLines(temp.resolve("calls.log")))
        .containsExactly(
            "tcp://builder.corp.example:2376|rmi -f --no-prune img",
            "tcp://builder.corp.example:2376|image inspect --format {{.Id}} img");
  }

  @Test
  void execute_exit137_isFailedWithTheExitCodeAndTheStderrTail() throws Exception {
    DockerCli docker = cli(shim(137, "\u001B[91mKilled\u001B[0m"), Map.of());

    assertThatThrownBy(() -> docker.execute(new ContainerCommand.RemoveImage("img")))
        .isInstanceOfSatisfying(
            ContainerRuntimeException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.FAILED);
              assertThat(e.exitCode()).isEqualTo(137);
              assertThat(e.stderrTail()).isEqualTo("Killed");
              assertThat(e.commandLine()).endsWith("rmi", "-f", "--no-prune", "img");
            });
  }

  @Test
  void execute_daemonDown_isUnreachableNamingTheEngine() throws Exception {
    DockerCli docker =
        cli(
            shim(
                1,
                "Cannot connect to the Docker daemon at unix:///tmp/none.sock. Is the docker daemon"
                    + " running?"),
            Map.of("DOCKER_HOST", "unix:///tmp/none.sock"));

    assertThatThrownBy(docker::probe)
        .isInstanceOfSatisfying(
            ContainerRuntimeException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "the engine at unix:///tmp/none.sock does not answer (is dockerd running?)");
            });
  }

  @Test
  void probe_executableMissing_isNotFound() {
    DockerCli docker = cli(temp.resolve("no-such-docker"), Map.of("PATH", temp.toString()));

    assertThatThrownBy(docker::probe)
        .isInstanceOfSatisfying(
            ContainerRuntimeException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND));
  }

  private DockerCli engineOf(String platform, Path binfmt) throws Exception {
    Path script = temp.resolve("docker");
    Files.writeString(script, "#!/bin/sh\necho " + platform + "\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return new DockerCli(new ProcessRunner(Map.of()), script.toString(), SHORT, null, binfmt);
  }

  /** A handler file as the kernel shows it under {@code /proc/sys/fs/binfmt_misc}. */
  private static String handler(String state, String flags) {
    return state
        + "\ninterpreter /usr/libexec/qemu-binfmt/aarch64-binfmt-P\nflags: "
        + flags
        + "\noffset 0\nmagic 7f454c460201010000000000000000000200b700\n";
  }

  @Test
  void platformProblem_foreignPlatformWithoutBinfmt_saysSoWithTheFix() throws Exception {
    Path binfmt = Files.createDirectories(temp.resolve("binfmt_misc"));
    DockerCli docker = engineOf("linux/amd64", binfmt);

    assertThat(docker.platformProblem("linux/amd64")).isEmpty();
    assertThat(docker.platformProblem("linux/arm64"))
        .get()
        .asString()
        .contains("cannot run linux/arm64 containers: no binfmt_misc handler qemu-aarch64")
        .contains("fix: sudo apt install qemu-user-static binfmt-support")
        .contains("linux/arm64 base image");
    Files.writeString(binfmt.resolve("qemu-aarch64"), handler("enabled", "PF"));
    assertThat(docker.platformProblem("linux/arm64")).isEmpty();
  }

  @Test
  void platformProblem_disabledHandler_saysItIsDisabled() throws Exception {
    Path binfmt = Files.createDirectories(temp.resolve("binfmt_misc"));
    Files.writeString(binfmt.resolve("qemu-aarch64"), handler("disabled", "PF"));

    assertThat(engineOf("linux/amd64", binfmt).platformProblem("linux/arm64"))
        .get()
        .asString()
        .contains("the binfmt_misc handler qemu-aarch64 is disabled");
  }

  @Test
  void platformProblem_handlerWithoutFixBinaryFlag_saysContainersCannotUseIt() throws Exception {
    Path binfmt = Files.createDirectories(temp.resolve("binfmt_misc"));
    Files.writeString(binfmt.resolve("qemu-aarch64"), handler("enabled", "P"));

    assertThat(engineOf("linux/amd64", binfmt).platformProblem("linux/arm64"))
        .get()
        .asString()
        .contains("lacks the F flag (fix-binary)");
  }

  @Test
  void enginePlatform_engineAnswers_isTheServersOsAndArchitecture() throws Exception {
    DockerCli docker = engineOf("linux/arm64", temp);

    assertThat(docker.enginePlatform()).contains("linux/arm64");
  }

  @Test
  void enginePlatform_engineDown_isEmpty() throws Exception {
    DockerCli docker = cli(shim(1, "Cannot connect to the Docker daemon"), Map.of());

    assertThat(docker.enginePlatform()).isEmpty();
  }
}

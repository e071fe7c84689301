package dev.capsem.docker;

import dev.capsem.core.ports.ContainerCommand;
import dev.capsem.core.ports.ContainerRuntime;
import dev.capsem.core.ports.ContainerRuntimeException;
import dev.capsem.core.ports.ContainerRuntimeException.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The container runtime through the {@code docker} command line (decision D13): one command per
 * {@link ContainerCommand}, run by the {@link ProcessRunner} with its configured environment, so
 * {@code DOCKER_HOST} (a remote engine, a builder farm) reaches every call. Nothing here mounts
 * host folders: files go in and out with {@code docker cp}, which a remote engine supports too.
 */
public final class DockerCli implements ContainerRuntime {

  /** How long each kind of command may run. */
  public record Timeouts(Duration build, Duration run, Duration transfer, Duration housekeeping) {

    public Timeouts {
      Objects.requireNonNull(build, "build");
      Objects.requireNonNull(run, "run");
      Objects.requireNonNull(transfer, "transfer");
      Objects.requireNonNull(housekeeping, "housekeeping");
    }

    /** A kernel compile on two cores takes long; housekeeping should not. */
    public static Timeouts defaults() {
      return new Timeouts(
          Duration.ofHours(4), Duration.ofHours(1), Duration.ofHours(1), Duration.ofMinutes(10));
    }
  }

  private static final Pattern UNREACHABLE =
      Pattern.compile(
          "Cannot connect to the Docker daemon|Is the docker daemon running|error during connect");
  private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");
  private static final int TAIL_LINES = 15;

  private final ProcessRunner runner;
  private final String executable;
  private final Timeouts timeouts;
  private final Consumer<String> output;
  private final Path binfmtDir;

  /**
   * @param executable the docker command ({@code docker}, or a path, or a compatible shim)
   * @param output receives every output line of long commands as they run, or null
   */
  public DockerCli(
      ProcessRunner runner, String executable, Timeouts timeouts, Consumer<String> output) {
    this(runner, executable, timeouts, output, Path.of("/proc/sys/fs/binfmt_misc"));
  }

  DockerCli(
      ProcessRunner runner,
      String executable,
      Timeouts timeouts,
      Consumer<String> output,
      Path binfmtDir) {
    this.runner = Objects.requireNonNull(runner, "runner");
    this.executable = Objects.requireNonNull(executable, "executable");
    this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
    this.output = output;
    this.binfmtDir = binfmtDir;
  }

  /** {@code docker} on the PATH of {@code environment}, with default timeouts and no output. */
  public static DockerCli of(Map<String, String> environment) {
    return new DockerCli(new ProcessRunner(environment), "docker", Timeouts.defaults(), null);
  }

  @Override
  public String probe() throws ContainerRuntimeException {
    List<String> version = List.of(executable, "--version");
    ProcessRunner.Completed client = call(version, timeouts.housekeeping(), false);
    if (client.exitCode() != 0) {
      throw failure(version, client);
    }
    List<String> server =
        List.of(
            executable,
            "version",
            "--format",
            "{{.Server.Version}} {{.Server.Os}}/{{.Server.Arch}}");
    ProcessRunner.Completed engine = call(server, timeouts.housekeeping(), false);
    if (engine.exitCode() != 0) {
      throw new ContainerRuntimeException(
          Kind.UNREACHABLE,
          server,
          engine.exitCode(),
          engine.stderrTail(TAIL_LINES),
          "the engine at " + engineAddress() + " does not answer (is dockerd running?)");
    }
    return client.stdout().strip()
        + "; engine "
        + engine.stdout().strip()
        + " at "
        + engineAddress();
  }

  private String engineAddress() {
    String host = runner.environment().get("DOCKER_HOST");
    return host == null || host.isBlank() ? "unix:///var/run/docker.sock" : host;
  }

  /** Each command is a process of its own, and the engine builds several images at once. */
  @Override
  public boolean runsCommandsSideBySide() {
    return true;
  }

  @Override
  public Optional<String> enginePlatform() {
    try {
      ProcessRunner.Completed done =
          call(
              List.of(executable, "version", "--format", "{{.Server.Os}}/{{.Server.Arch}}"),
              timeouts.housekeeping(),
              false);
      String platform = done.stdout().strip();
      return done.exitCode() == 0 && platform.matches("[a-z0-9]+/[a-z0-9_]+")
          ? Optional.of(platform)
          : Optional.empty();
    } catch (ContainerRuntimeException e) {
      return Optional.empty();
    }
  }

  @Override
  public Optional<String> platformProblem(String platform) {
    Optional<String> answered = enginePlatform();
    if (answered.isEmpty()) {
      return Optional.empty(); // the build itself will say that the engine does not answer
    }
    String engine = answered.get();
    if (engine.equals(platform)) {
      return Optional.empty();
    }
    String host = runner.environment().get("DOCKER_HOST");
    if (host != null && !host.isBlank() && !host.startsWith("unix://")) {
      return Optional.empty(); // a remote engine's emulation cannot be seen from here
    }
    String qemu =
        switch (platform) {
          case "linux/arm64" -> "qemu-aarch64";
          case "linux/amd64" -> "qemu-x86_64";
          default -> null;
        };
    if (qemu == null) {
      return Optional.empty();
    }
    String why = binfmtProblem(qemu);
    if (why == null) {
      return Optional.empty();
    }
    return Optional.of(
        "the container engine ("
            + engine
            + ") cannot run "
            + platform
            + " containers: "
            + why
            + "\n  fix: sudo apt install qemu-user-static binfmt-support (capsem-java's"
            + " scripts/setup-machine.sh does so, registers the handlers with the F flag and makes"
            + " the "
            + platform
            + " base image), or build this architecture on a native engine (DOCKER_HOST)");
  }

  /**
   * Why the kernel cannot hand {@code qemu}'s binaries to the emulator inside a container, or null
   * when it can: the handler must be registered, enabled, and fix its interpreter at registration
   * (flag F), because a container's file system does not hold the host's emulator.
   */
  private String binfmtProblem(String qemu) {
    Path handler = binfmtDir.resolve(qemu);
    List<String> lines;
    try {
      lines = Files.readAllLines(handler);
    } catch (IOException e) {
      return "no binfmt_misc handler " + qemu + " on this machine";
    }
    if (lines.isEmpty() || !lines.get(0).strip().equals("enabled")) {
      return "the binfmt_misc handler " + qemu + " is disabled";
    }
    for (String line : lines) {
      if (line.startsWith("flags:")) {
        return line.substring("flags:".length()).contains("F")
            ? null
            : "the binfmt_misc handler "
                + qemu
                + " lacks the F flag (fix-binary), so containers cannot reach its interpreter";
      }
    }
    return null; // a handler file without a flags line: assume the kernel's defaults serve
  }

  @Override
  public List<String> commandLine(ContainerCommand command) {
    List<String> line = new ArrayList<>();
    line.add(executable);
    if (command instanceof ContainerCommand.Build build) {
      line.add("build");
      if (build.platform() != null) {
        line.addAll(List.of("--platform", build.platform()));
      }
      if (build.noCache()) {
        line.add("--no-cache");
      }
      // A failed step's container would otherwise stay behind on the engine.
      line.add("--force-rm");
      if (build.cpuShare() == ContainerCommand.CpuShare.SPARE) {
        // The least relative weight Docker takes (cgroup v1 cpu.shares; weight 1 on cgroup v2).
        line.addAll(List.of("--cpu-shares", "2"));
      }
      build
          .buildArgs()
          .forEach((key, value) -> line.addAll(List.of("--build-arg", key + "=" + value)));
      line.addAll(
          List.of(
              "-t",
              build.tag(),
              "-f",
              build.context().resolve("Dockerfile").toString(),
              build.context().toString()));
    } else if (command instanceof ContainerCommand.Create create) {
      line.add("create");
      if (create.platform() != null) {
        line.addAll(List.of("--platform", create.platform()));
      }
      if (!create.network()) {
        line.addAll(List.of("--network", "none"));
      }
      line.add(create.image());
      line.addAll(create.command());
    } else if (command instanceof ContainerCommand.Export export) {
      line.addAll(List.of("export", export.container(), "-o", export.tar().toString()));
    } else if (command instanceof ContainerCommand.CopyOut copy) {
      line.addAll(List.of("cp", copy.container() + ":" + copy.path(), copy.target().toString()));
    } else if (command instanceof ContainerCommand.CopyIn copy) {
      line.addAll(List.of("cp", copy.source().toString(), copy.container() + ":" + copy.path()));
    } else if (command instanceof ContainerCommand.Start start) {
      line.addAll(List.of("start", "-a", start.container()));
    } else if (command instanceof ContainerCommand.Run run) {
      line.addAll(List.of("run", "--rm"));
      if (run.platform() != null) {
        line.addAll(List.of("--platform", run.platform()));
      }
      if (!run.network()) {
        line.addAll(List.of("--network", "none"));
      }
      line.add(run.image());
      line.addAll(run.command());
    } else if (command instanceof ContainerCommand.RemoveContainer remove) {
      line.addAll(List.of("rm", "-f", remove.container()));
    } else if (command instanceof ContainerCommand.RemoveImage remove) {
      // --no-prune: the untagged parents are the engine's layer cache; without it, removing a
      // single-stage image (the rootfs) deletes every layer, and the next build installs again.
      line.addAll(List.of("rmi", "-f", "--no-prune", remove.image()));
    } else if (command instanceof ContainerCommand.RemoveImageAndLayers remove) {
      line.addAll(List.of("rmi", "-f", remove.image()));
    } else if (command instanceof ContainerCommand.ListUntaggedImages list) {
      line.addAll(
          List.of(
              "images",
              "-q",
              "--no-trunc",
              "--filter",
              "dangling=true",
              "--filter",
              "label=" + list.label()));
    } else if (command instanceof ContainerCommand.InspectImage inspect) {
      line.addAll(List.of("image", "inspect", "--format", "{{.Id}}", inspect.image()));
    } else {
      throw new IllegalArgumentException("unknown container command " + command);
    }
    return line;
  }

  /** {@code docker export CONTAINER}, its standard output read by {@code reader} as it comes. */
  @Override
  public <T> T exportStream(String container, TarStreamReader<T> reader)
      throws ContainerRuntimeException, IOException {
    List<String> line = List.of(executable, "export", container);
    ProcessRunner.Streamed<T> done;
    try {
      done = runner.stream(line, timeouts.transfer(), reader::read);
    } catch (ProcessRunner.NotFound e) {
      throw new ContainerRuntimeException(
          Kind.NOT_FOUND, line, -1, "", executable + " not found on PATH");
    } catch (ProcessRunner.TimedOut e) {
      throw new ContainerRuntimeException(Kind.TIMED_OUT, line, -1, "", e.getMessage());
    }
    if (done.exitCode() != 0) {
      throw failure(line, new ProcessRunner.Completed(done.exitCode(), "", done.stderr()));
    }
    return done.result();
  }

  @Override
  public String execute(ContainerCommand command) throws ContainerRuntimeException {
    return execute(command, null);
  }

  @Override
  public String execute(ContainerCommand command, Consumer<String> lines)
      throws ContainerRuntimeException {
    List<String> line = commandLine(command);
    boolean streamed =
        command instanceof ContainerCommand.Build || command instanceof ContainerCommand.Start;
    Consumer<String> sink = streamed ? both(output, lines) : null;
    ProcessRunner.Completed done = call(line, timeout(command), sink);
    if (done.exitCode() != 0) {
      throw failure(line, done);
    }
    return done.stdout();
  }

  private Duration timeout(ContainerCommand command) {
    if (command instanceof ContainerCommand.Build) {
      return timeouts.build();
    }
    if (command instanceof ContainerCommand.Run || command instanceof ContainerCommand.Start) {
      return timeouts.run();
    }
    if (command instanceof ContainerCommand.Export
        || command instanceof ContainerCommand.CopyIn
        || command instanceof ContainerCommand.CopyOut) {
      return timeouts.transfer();
    }
    return timeouts.housekeeping();
  }

  private static Consumer<String> both(Consumer<String> first, Consumer<String> second) {
    if (first == null) {
      return second;
    }
    return second == null ? first : first.andThen(second);
  }

  private ProcessRunner.Completed call(List<String> line, Duration timeout, boolean streamed)
      throws ContainerRuntimeException {
    return call(line, timeout, streamed ? output : null);
  }

  private ProcessRunner.Completed call(List<String> line, Duration timeout, Consumer<String> sink)
      throws ContainerRuntimeException {
    try {
      return runner.run(line, timeout, null, null, sink);
    } catch (ProcessRunner.NotFound e) {
      throw new ContainerRuntimeException(
          Kind.NOT_FOUND, line, -1, "", executable + " not found on PATH");
    } catch (ProcessRunner.TimedOut e) {
      throw new ContainerRuntimeException(Kind.TIMED_OUT, line, -1, "", e.getMessage());
    } catch (IOException e) {
      throw new ContainerRuntimeException(
          Kind.FAILED, line, -1, "", "cannot run " + executable + ": " + e.getMessage());
    }
  }

  private ContainerRuntimeException failure(List<String> line, ProcessRunner.Completed done) {
    String stderr = withoutBuilderNotice(done.stderr());
    String tail = lastLines(stderr, TAIL_LINES);
    if (UNREACHABLE.matcher(stderr).find()) {
      return new ContainerRuntimeException(
          Kind.UNREACHABLE,
          line,
          done.exitCode(),
          tail,
          "the engine at " + engineAddress() + " does not answer (is dockerd running?)");
    }
    String verb = line.size() > 1 ? line.get(1) : "";
    if ((verb.equals("build") || verb.equals("start")) && !done.stdout().isBlank()) {
      // The classic builder (and an attached container) print the failing step's own output on
      // stdout, where the cause is ("Unable to locate package ..."); stderr has the verdict.
      String stdoutTail = lastLines(done.stdout(), TAIL_LINES);
      tail = stdoutTail + (tail.isEmpty() ? "" : "\n" + tail);
    }
    return new ContainerRuntimeException(
        Kind.FAILED,
        line,
        done.exitCode(),
        tail,
        "'" + executable + " " + verb + "' failed (exit " + done.exitCode() + ")");
  }

  private static String lastLines(String text, int count) {
    // The classic builder colours a step's stderr; messages and reports want plain text.
    String[] lines = ANSI.matcher(text).replaceAll("").strip().split("\n");
    if (lines.length == 1 && lines[0].isEmpty()) {
      return "";
    }
    return String.join(
        "\n", Arrays.asList(lines).subList(Math.max(0, lines.length - count), lines.length));
  }

  /** Docker's notice that the classic builder is deprecated says nothing about the failure. */
  private static String withoutBuilderNotice(String stderr) {
    StringBuilder out = new StringBuilder();
    boolean inNotice = false;
    for (String line : stderr.split("\n", -1)) {
      if (line.startsWith("DEPRECATED: The legacy builder")) {
        inNotice = true;
        continue;
      }
      if (inNotice && (line.startsWith(" ") || line.isBlank())) {
        continue;
      }
      inNotice = false;
      out.append(line).append('\n');
    }
    return out.toString();
  }
}

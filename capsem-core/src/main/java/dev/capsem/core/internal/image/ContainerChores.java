package dev.capsem.core.internal.image;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.ports.ContainerCommand;
import dev.capsem.core.ports.ContainerRuntime;
import dev.capsem.core.ports.ContainerRuntimeException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The container commands of a build: each is shown as progress, recorded instead of run in a dry
 * run, its output kept in the build log, and its failure turned into a coded finding with the fix.
 */
final class ContainerChores {

  static final String MEMORY_HINT =
      "container runtime VM out of memory (exit 137) or SIGTERM mid-build (exit 143) — the cold"
          + " build needs more than 12GB; bump Colima to 16GB: colima stop && colima start --vm-type"
          + " vz --vz-rosetta --memory 16 --cpu 8";

  /** A build step killed by the OOM killer or SIGTERM inside {@code docker build}. */
  private static final Pattern KILLED =
      Pattern.compile("(?:non-zero code|exit code|exit status):? (?:137|143)\\b");

  private final ContainerRuntime runtime;
  private final BuildRun run;
  private final BuildLog log;
  private final String runtimeFix;

  /**
   * @param log keeps every line a command prints
   * @param runtimeFix how to install the runtime on this host ({@code sudo apt install docker.io})
   */
  ContainerChores(ContainerRuntime runtime, BuildRun run, BuildLog log, String runtimeFix) {
    this.runtime = runtime;
    this.run = run;
    this.log = log;
    this.runtimeFix = runtimeFix;
  }

  /** The same chores for {@code step}, which runs beside another step: its lines name it. */
  ContainerChores tagged(String step) {
    return new ContainerChores(runtime, run, log.tagged(step), runtimeFix);
  }

  ContainerRuntime runtime() {
    return runtime;
  }

  /** Runs (or, in a dry run, records) one command of a step; returns its standard output. */
  String execute(String arch, String step, ContainerCommand command) {
    List<String> commandLine = runtime.commandLine(command);
    run.progress.command(commandLine);
    if (run.dryRun()) {
      run.commands.add(new BuildOutcome.PlannedCommand(arch, step, commandLine));
      return "";
    }
    log.command(commandLine);
    try {
      return runtime.execute(command, log::line);
    } catch (ContainerRuntimeException e) {
      if (run.lock != null) {
        List<Diagnostic> missing = LockedBuild.missingPackages(e.stderrTail(), run.lockShown());
        if (!missing.isEmpty()) {
          throw new BuildStop(missing); // the lock's version is gone, said per package
        }
      }
      throw new BuildStop(failure(e));
    }
  }

  /**
   * Streams {@code container}'s file system to {@code reader} ({@code docker export}, no tar file);
   * a dry run records the command and returns null. The log shows the export as writing to standard
   * output, which is what the runtime does.
   */
  <T> T exportStream(
      String arch, String step, String container, ContainerRuntime.TarStreamReader<T> reader)
      throws IOException {
    List<String> commandLine =
        runtime.commandLine(new ContainerCommand.Export(container, Path.of("/dev/stdout")));
    run.progress.command(commandLine);
    if (run.dryRun()) {
      run.commands.add(new BuildOutcome.PlannedCommand(arch, step, commandLine));
      return null;
    }
    log.command(commandLine);
    try {
      return runtime.exportStream(container, reader);
    } catch (ContainerRuntimeException e) {
      throw new BuildStop(failure(e));
    }
  }

  /** Creates a container of {@code image}, copies {@code files} out of it, and removes it. */
  void extract(
      String arch,
      String step,
      String platform,
      String image,
      List<Map.Entry<String, Path>> files) {
    String container = create(arch, step, platform, image, List.of("/bin/true"));
    try {
      for (Map.Entry<String, Path> file : files) {
        execute(
            arch, step, new ContainerCommand.CopyOut(container, file.getKey(), file.getValue()));
      }
    } finally {
      removeContainer(arch, step, container);
    }
  }

  String create(String arch, String step, String platform, String image, List<String> command) {
    String id =
        execute(arch, step, new ContainerCommand.Create(platform, image, false, command)).strip();
    return run.dryRun() ? "<" + step.replace(' ', '-') + "-container>" : id;
  }

  void removeContainer(String arch, String step, String container) {
    try {
      execute(arch, step, new ContainerCommand.RemoveContainer(container));
    } catch (BuildStop ignored) {
      // Cleanup after another failure: that failure is the one to report.
    }
  }

  /**
   * Removes this build's tag. The build stages it left are kept on purpose: with the classic
   * builder they are the layer cache, and pruning them (which also drops their untagged parents)
   * would make every later build compile the kernel and install the packages again.
   *
   * <p>A build without the cache is the exception: its layers are new copies of cached ones, and
   * the engine serves the newest of equal layers, so they would hide the deeper cached layers of
   * every recipe sharing a prefix with it (the same base and first instructions: both kernels, the
   * rootfs of other profiles). Its tag goes with its layers, and {@link #forgetUncachedStages}
   * removes its other stages once every step is done.
   */
  void removeImage(String arch, String step, String image) {
    try {
      execute(
          arch,
          step,
          run.settings.noCache()
              ? new ContainerCommand.RemoveImageAndLayers(image)
              : new ContainerCommand.RemoveImage(image));
    } catch (BuildStop ignored) {
      // As above: never hide the real failure behind a cleanup one.
    }
  }

  /**
   * After a build without the cache, removes the stages it made (its label names the build) with
   * their layers, so the engine's cache is as the build found it. Only once no step runs: a running
   * step may still copy from one of them. A step that failed part-way leaves the layers it
   * committed; they carry no label to find them by.
   */
  void forgetUncachedStages() {
    if (run.dryRun() || !run.settings.noCache()) {
      return;
    }
    String stages;
    try {
      stages =
          runtime.execute(
              new ContainerCommand.ListUntaggedImages(BuildRun.IMAGE_LABEL + "=" + run.buildId));
    } catch (ContainerRuntimeException e) {
      return; // cleanup: the build's own outcome is what counts
    }
    for (String stage : stages.strip().split("\\s+")) {
      if (!stage.isEmpty()) {
        removeImage("", "cleanup", stage);
      }
    }
  }

  /** The id of a local image, or null when the engine does not have it or does not answer. */
  String imageId(String image) {
    try {
      String id = runtime.execute(new ContainerCommand.InspectImage(image)).strip();
      return id.isEmpty() ? null : id;
    } catch (ContainerRuntimeException e) {
      return null;
    }
  }

  /** A runtime failure as a coded finding: what failed, the tail of its output, the fix. */
  Diagnostic failure(ContainerRuntimeException e) {
    String tail =
        e.stderrTail().isBlank() ? "" : "\n  " + e.stderrTail().strip().replace("\n", "\n  ");
    return switch (e.kind()) {
      case NOT_FOUND ->
          BuildStop.error(
              Code.E306,
              "container runtime not found: " + e.getMessage() + "\n  fix: " + runtimeFix);
      case UNREACHABLE ->
          BuildStop.error(
              Code.E307,
              "container runtime not answering: "
                  + e.getMessage()
                  + tail
                  + "\n  fix: start the container engine (sudo systemctl start docker, or"
                  + " scripts/container-engine.sh), or point DOCKER_HOST at one that runs");
      case FAILED -> {
        String message =
            "Command '"
                + pythonList(e.commandLine())
                + "' returned non-zero exit status "
                + e.exitCode()
                + "."
                + tail;
        if (e.exitCode() == 137 || e.exitCode() == 143 || KILLED.matcher(e.stderrTail()).find()) {
          message += "\n  hint: " + MEMORY_HINT;
        }
        yield BuildStop.error(Code.E307, message);
      }
      case TIMED_OUT -> BuildStop.error(Code.E307, e.getMessage() + tail);
    };
  }

  /** Python's {@code repr} of an argument list, as upstream's error message shows it. */
  static String pythonList(List<String> commandLine) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < commandLine.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      String arg = commandLine.get(i);
      if (arg.contains("'") && !arg.contains("\"")) {
        out.append('"').append(arg.replace("\\", "\\\\").replace("\n", "\\n")).append('"');
      } else {
        out.append('\'')
            .append(arg.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n"))
            .append('\'');
      }
    }
    return out.append(']').toString();
  }
}

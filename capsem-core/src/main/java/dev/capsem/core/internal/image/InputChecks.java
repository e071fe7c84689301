package dev.capsem.core.internal.image;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.internal.workspace.GuestConfig.ArchConfig;
import dev.capsem.core.ports.BuildProgress;
import dev.capsem.core.ports.ContainerRuntimeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What is checked before a build runs anything, every problem at once: the inputs the steps need
 * (guest agents, package sources, the kernel source), then the container runtime and whether it
 * runs the target platforms.
 */
final class InputChecks {

  private InputChecks() {}

  /** Stops with every input problem; adds the W017 note when the agents are left out. */
  static void inputs(BuildRun run) {
    List<Diagnostic> problems = new ArrayList<>();
    ImageTemplate template = run.settings.template();
    if (template.buildsRootfs()) {
      guestBinaries(run, problems);
      for (String arch : run.plan.arches()) {
        RootfsRecipe recipe =
            new RootfsRecipe(run.config(), run.arch(arch), run.settings.sources(), true, run.epoch);
        String problem = recipe.sourceProblem();
        if (problem != null) {
          problems.add(BuildStop.error(Code.E310, problem));
          break;
        }
      }
      for (GivenPath input :
          new GivenPath[] {
            run.settings.sources().pythonWheels(), run.settings.sources().buildCa()
          }) {
        if (input != null && !Files.exists(input.path())) {
          problems.add(
              new Diagnostic(
                  Code.E016, input.shown(), "", null, "Missing required file: " + input.shown()));
        }
      }
    }
    if (template.compilesKernel()) {
      kernelSource(run, problems);
    }
    if (!problems.isEmpty()) {
      throw new BuildStop(problems);
    }
  }

  private static void guestBinaries(BuildRun run, List<Diagnostic> problems) {
    GuestBinaries binaries = run.settings.guestBinaries();
    if (binaries.omitted()) {
      run.diagnostics.add(
          new Diagnostic(
              Code.W017, null, "", null, "guest agent binaries omitted by configuration"));
      return;
    }
    for (String arch : run.plan.arches()) {
      for (String name : GuestBinaries.NAMES) {
        Path binary = binaries.dir().path().resolve(arch).resolve(name);
        if (!BuildFiles.nonEmptyFile(binary)) {
          problems.add(
              new Diagnostic(
                  Code.E303,
                  binaries.dir().resolve(arch + "/" + name).shown(),
                  "",
                  null,
                  "Missing guest agent binary for "
                      + arch
                      + ": "
                      + name
                      + " (expected in "
                      + binaries.dir().shown()
                      + ")"));
        }
      }
    }
  }

  private static void kernelSource(BuildRun run, List<Diagnostic> problems) {
    KernelSource source = run.settings.kernelSource();
    if (source.tarball() != null && !Files.isRegularFile(source.tarball().path())) {
      problems.add(
          new Diagnostic(
              Code.E308,
              source.tarball().shown(),
              "",
              null,
              "kernel source tarball not found: " + source.tarball().shown()));
    } else if (source.tarball() == null
        && !source.fromDebian()
        && source.sha256() == null
        && !run.dryRun()) {
      problems.add(
          BuildStop.error(
              Code.E308,
              "kernel source not verified: pass --kernel-sha256 for "
                  + (source.url() != null ? source.url() : "the kernel.org tarball")
                  + ", or --kernel-source with a local tarball"));
    }
  }

  /**
   * Stops unless the runtime answers and can run what the steps left to run need: containers of a
   * target's platform only where a step runs them (E309; a foreign kernel and busybox are built
   * across, on the engine's own platform), and a foreign rootfs's per-architecture base image
   * (E520).
   */
  static void runtime(
      BuildRun run, ContainerChores chores, List<BuildStep> steps, StepCache cache) {
    String described;
    try (BuildProgress.Step step = run.progress.begin("container runtime")) {
      described = chores.runtime().probe();
      step.succeeded();
    } catch (ContainerRuntimeException e) {
      throw new BuildStop(chores.failure(e));
    }
    run.progress.note("container runtime: " + described);
    List<Diagnostic> problems = new ArrayList<>();
    for (String arch : run.plan.arches()) {
      ArchConfig config = run.arch(arch);
      List<BuildStep> toRun = steps.stream().filter(s -> !cache.reused(arch, s)).toList();
      if (toRun.stream().anyMatch(s -> run.engine.runsTargetContainers(s.name(), config))) {
        Optional<String> problem = chores.runtime().platformProblem(config.dockerPlatform());
        problem.ifPresent(p -> problems.add(BuildStop.error(Code.E309, p)));
      }
      if (run.engine.foreign(config)
          && toRun.stream().anyMatch(s -> s.name().equals("rootfs"))
          && cache.baseImageId(run.engine.baseImage("rootfs", config)) == null) {
        problems.add(run.engine.missingBaseImage(arch, config));
      }
    }
    if (!problems.isEmpty()) {
      throw new BuildStop(problems);
    }
  }
}

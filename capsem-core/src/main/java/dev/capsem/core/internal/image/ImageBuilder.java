package dev.capsem.core.internal.image;

import dev.capsem.core.diag.Code;
import dev.capsem.core.internal.image.lock.PackageLock;
import dev.capsem.core.internal.oci.BaseImageDigests;
import dev.capsem.core.ports.BuildProgress;
import dev.capsem.core.ports.ContainerRuntime;
import dev.capsem.core.ports.Downloader;
import dev.capsem.core.ports.Hasher;
import dev.capsem.core.ports.OciRegistry;
import dev.capsem.core.ports.SquashfsCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs an image build from a derived workspace: per architecture the steps the template asks for
 * (kernel, initrd, rootfs), each through the container runtime, then the checksums and the release
 * manifest. A dry run walks the same steps and records every container command instead of running
 * it.
 *
 * <p>Nothing that looks like a finished asset appears before it is finished: every step works in a
 * hidden folder of the output and moves its results into place only when they are complete, and the
 * assets a build replaces (and the old manifest) are removed before its first command.
 */
public final class ImageBuilder {

  private final ContainerRuntime runtime;
  private final Downloader downloads;
  private final Hasher hasher;
  private final Clock clock;
  private final AssetReleaseWriter releases;
  private final String runtimeFix;
  private final BaseImagePins pins;
  private final List<SquashfsCodec> codecs;

  /**
   * @param registry resolves base images that name a registry ({@code ghcr.io/corp/base:1}) to
   *     their digest; images made on the engine are resolved by the engine
   * @param runtimeFix how to install the runtime on this host ({@code sudo apt install docker.io})
   * @param codecs the squashfs codecs our rootfs writer may compress with
   */
  public ImageBuilder(
      ContainerRuntime runtime,
      OciRegistry registry,
      Downloader downloads,
      Hasher hasher,
      Clock clock,
      AssetReleaseWriter releases,
      String runtimeFix,
      List<SquashfsCodec> codecs) {
    this.runtime = runtime;
    this.downloads = downloads;
    this.hasher = hasher;
    this.clock = clock;
    this.releases = releases;
    this.runtimeFix = runtimeFix;
    this.pins = new BaseImagePins(new BaseImageDigests(registry, runtime));
    this.codecs = List.copyOf(codecs);
  }

  /**
   * Builds (or, in a dry run, plans) {@code plan} from {@code workspace}.
   *
   * <p>A step whose inputs are those of the last build into the same output folder is not run
   * again: its files are kept once their sizes and hashes match the build record. {@link
   * BuildSettings#noCache()} rebuilds every step.
   */
  public BuildOutcome run(
      ImagePlan plan, DerivedWorkspace workspace, BuildSettings settings, BuildProgress progress) {
    return run(plan, workspace, settings, null, progress);
  }

  /**
   * The same, installing exactly the versions of {@code lock} (null: an unlocked build), whose file
   * {@link BuildSettings#lockFile()} names.
   */
  public BuildOutcome run(
      ImagePlan plan,
      DerivedWorkspace workspace,
      BuildSettings settings,
      PackageLock lock,
      BuildProgress progress) {
    EnginePlatform engine =
        settings.dryRun() ? EnginePlatform.unknown() : EnginePlatform.of(runtime.enginePlatform());
    BuildRun run =
        new BuildRun(
            plan,
            workspace,
            settings,
            progress,
            hasher,
            clock.instant().getEpochSecond(),
            lock,
            engine);
    try (BuildLog log =
        settings.dryRun()
            ? BuildLog.none(progress)
            : BuildLog.in(settings.outDir().path(), progress)) {
      ContainerChores chores = new ContainerChores(runtime, run, log, runtimeFix);
      try {
        return build(run, chores);
      } finally {
        chores.forgetUncachedStages();
      }
    } catch (BuildStop stop) {
      run.diagnostics.addAll(stop.diagnostics());
      return run.stopped();
    } catch (IOException | UncheckedIOException e) {
      // The log, when open, is closed by the try; this is about the build's own files.
      run.diagnostics.add(
          BuildStop.error(Code.E307, "cannot write the build's files: " + e.getMessage()));
      return run.stopped();
    } finally {
      if (!settings.dryRun()) {
        BuildFiles.deleteTree(settings.outDir().path().resolve(BuildRun.WORK_DIR));
      }
    }
  }

  private BuildOutcome build(BuildRun run, ContainerChores chores) throws IOException {
    List<BuildStep> steps = steps(run, chores);
    InputChecks.inputs(run);
    if (!run.dryRun()) {
      pins.pin(run, chores);
    }
    StepCache cache = new StepCache(run, chores);
    boolean containerWork = true;
    if (!run.dryRun()) {
      for (String arch : run.plan.arches()) {
        run.engine.describe(arch, run.arch(arch)).ifPresent(run.progress::note);
      }
      containerWork = cache.decide(steps);
      if (containerWork) {
        InputChecks.runtime(run, chores, steps, cache);
      } else {
        run.progress.note("no container work: the inputs of every step are unchanged");
      }
    }
    String previousManifest = run.dryRun() ? null : cache.clearReplaced(steps, containerWork);
    run.progress.plan(run.plan.arches().size() * steps.size());
    boolean sideBySide = false;
    for (String arch : run.plan.arches()) {
      try (KernelAlongside kernel =
          KernelAlongside.startIfWorthIt(run, chores, cache, arch, steps)) {
        for (BuildStep step : steps) {
          if (cache.reused(arch, step)) {
            cache.keep(arch, step);
            continue;
          }
          if (kernel == null) {
            step.run(run, arch, run.arch(arch));
          } else if (kernel.runs(step)) {
            continue;
          } else {
            step.through(chores.tagged(arch + " " + step.name())).run(run, arch, run.arch(arch));
          }
          if (!run.dryRun()) {
            cache.record(arch, step);
          }
        }
        if (kernel != null) {
          kernel.awaitCompile();
          cache.record(arch, kernel.step());
          sideBySide = true;
        }
      }
    }
    if (sideBySide) {
      KernelAlongside.inBuildOrder(run, steps);
    }
    return run.outcome(run.dryRun() ? null : epilogue(run, containerWork, previousManifest));
  }

  /** The steps a template runs, in build order: kernel, initrd, rootfs. */
  private List<BuildStep> steps(BuildRun run, ContainerChores chores) {
    ImageTemplate template = run.settings.template();
    List<BuildStep> steps = new ArrayList<>();
    if (template.compilesKernel()) {
      KernelResolver resolver =
          new KernelResolver(run.settings.kernelSource(), run.dryRun(), downloads, run.progress);
      steps.add(new KernelStep(chores, resolver, downloads));
    }
    if (template.packsInitrd()) {
      steps.add(new InitrdStep(chores));
    }
    if (template.buildsRootfs()) {
      steps.add(new RootfsStep(chores, new StreamedSquashfs(chores, codecs)));
    }
    return steps;
  }

  /** {@code B3SUMS} and {@code manifest.json} over every architecture folder (§4.7). */
  private AssetReleaseWriter.Release epilogue(
      BuildRun run, boolean containerWork, String previousManifest) throws IOException {
    LocalDate today = LocalDate.now(clock);
    if (!containerWork) {
      AssetReleaseWriter.Release release =
          releases.unchanged(run.out(), today, run.settings.binaryVersion());
      if (release != null) {
        run.progress.note("checksums and manifest unchanged");
        return release;
      }
    }
    try (BuildProgress.Step step = run.progress.begin("checksums and manifest")) {
      AssetReleaseWriter.Release release =
          releases.write(run.out(), today, run.settings.binaryVersion(), previousManifest);
      step.succeeded();
      return release;
    }
  }
}

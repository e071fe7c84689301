package dev.capsem.core.internal.image;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.image.lock.ArchLock;
import dev.capsem.core.internal.image.lock.PackageLock;
import dev.capsem.core.internal.oci.PinnedImage;
import dev.capsem.core.internal.workspace.GuestConfig;
import dev.capsem.core.ports.BuildProgress;
import dev.capsem.core.ports.Hasher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One image build as its steps see it: what to build (plan, derived workspace, settings), the time
 * source and the build's id, and what the steps have produced so far.
 */
final class BuildRun {

  /** The hidden folder of the output where steps prepare their files. */
  static final String WORK_DIR = ".capsem-work";

  /**
   * Every stage of our Dockerfiles carries it, so that our leftover stages can be told apart, and a
   * build without the cache finds the stages it made.
   */
  static final String IMAGE_LABEL = "dev.capsem.image-build";

  /**
   * The build argument whose value each stage's last instruction puts in {@link #IMAGE_LABEL}:
   * every layer before that label stays shared in the engine's cache, only the last differs per
   * build.
   */
  static final String BUILD_ID_ARG = "CAPSEM_BUILD_ID";

  final ImagePlan plan;
  final DerivedWorkspace workspace;
  final BuildSettings settings;
  final BuildProgress progress;
  final Hasher hasher;
  final long epoch;

  /** The lock a locked build installs from, or null. */
  final PackageLock lock;

  /** Where each architecture's steps run on this engine; unknown in dry runs. */
  final EnginePlatform engine;

  /** Tags and labels this build's images, so that parallel builds never share an image. */
  final String buildId;

  // Synchronised: a kernel step may place its file and findings from a thread of its own.
  final List<Diagnostic> diagnostics = Collections.synchronizedList(new ArrayList<>());
  final List<BuildOutcome.PlannedCommand> commands = new ArrayList<>();
  final List<BuildOutcome.BuiltAsset> assets = Collections.synchronizedList(new ArrayList<>());
  final List<BuildOutcome.StepDone> steps = new ArrayList<>();

  /** Each architecture's base image resolved to a digest (none in a dry run), by arch. */
  final Map<String, PinnedImage> baseImages = new LinkedHashMap<>();

  BuildOutcome.KernelUsed kernelUsed;

  BuildRun(
      ImagePlan plan,
      DerivedWorkspace workspace,
      BuildSettings settings,
      BuildProgress progress,
      Hasher hasher,
      long epoch,
      PackageLock lock,
      EnginePlatform engine) {
    this.plan = plan;
    this.lock = lock;
    this.workspace = workspace;
    this.settings = settings;
    this.progress = progress;
    this.hasher = hasher;
    this.epoch = epoch;
    this.engine = engine;
    this.buildId =
        hasher
            .hex(
                settings
                    .outDir()
                    .path()
                    .toAbsolutePath()
                    .normalize()
                    .toString()
                    .getBytes(StandardCharsets.UTF_8))
            .substring(0, 12);
  }

  GuestConfig config() {
    return workspace.config();
  }

  /**
   * An architecture's build parameters; once its base image is resolved, with the pinned image
   * ({@code sha256:<id>} or {@code REPO@sha256:<digest>}) in place of the tag, so that every
   * Dockerfile the build renders names exactly the image that was resolved. A foreign target's pin
   * is its rootfs's ({@link #rootfsArch}): its kernel and initrd run from the engine's own tag.
   */
  GuestConfig.ArchConfig arch(String arch) {
    GuestConfig.ArchConfig config = declared(arch);
    PinnedImage pinned = baseImages.get(arch);
    return pinned == null || engine.foreign(config)
        ? config
        : config.withBaseImage(pinned.pinned());
  }

  /** An architecture's build parameters as its rootfs uses them on this engine, pinned. */
  GuestConfig.ArchConfig rootfsArch(String arch) {
    GuestConfig.ArchConfig config = engine.rootfs(declared(arch));
    PinnedImage pinned = baseImages.get(arch);
    return pinned == null ? config : config.withBaseImage(pinned.pinned());
  }

  /** The lock of one architecture, or null for an unlocked build. */
  ArchLock lock(String arch) {
    return lock == null ? null : lock.arches().get(arch);
  }

  /** The lock file as the user named it, for messages. */
  String lockShown() {
    return settings.lockFile() == null ? null : settings.lockFile().shown();
  }

  /** An architecture's build parameters as the workspace declares them (the base image's tag). */
  GuestConfig.ArchConfig declared(String arch) {
    return workspace.config().build().architectures().get(arch);
  }

  boolean dryRun() {
    return settings.dryRun();
  }

  Path out() {
    return settings.outDir().path();
  }

  Path archPath(String arch) {
    return out().resolve(arch);
  }

  Path archDir(String arch) throws IOException {
    Path dir = archPath(arch);
    Files.createDirectories(dir);
    return dir;
  }

  /** A fresh folder of the output's work area for one step (nothing is made in a dry run). */
  Path workDir(String arch, String step) throws IOException {
    Path dir = out().resolve(WORK_DIR).resolve(arch + "-" + step);
    if (!dryRun()) {
      BuildFiles.deleteTree(dir);
      Files.createDirectories(dir);
    }
    return dir;
  }

  /** This build's tag for a step's image: {@code capsem-<step>-<arch>:<build id>}. */
  String tag(String step, String arch) {
    return "capsem-" + step + "-" + arch + ":" + buildId;
  }

  /** Build arguments with this build's id, which the stages' last label takes. */
  Map<String, String> withBuildId(Map<String, String> args) {
    Map<String, String> all = new LinkedHashMap<>(args);
    all.put(BUILD_ID_ARG, buildId);
    return all;
  }

  /** The last instructions of each stage: this build's id as its label. */
  static String buildLabel() {
    return "ARG " + BUILD_ID_ARG + "\nLABEL " + IMAGE_LABEL + "=${" + BUILD_ID_ARG + "}\n";
  }

  /** Moves a finished asset into place and records it. */
  void place(Path finished, String arch, String name) throws IOException {
    Path target = archDir(arch).resolve(name);
    BuildFiles.moveReadable(finished, target);
    String shown = settings.outDir().resolve(arch + "/" + name).shown();
    assets.add(
        new BuildOutcome.BuiltAsset(
            arch, name, shown, Files.size(target), hasher.hexOfFile(target)));
  }

  BuildOutcome outcome(AssetReleaseWriter.Release release) {
    return new BuildOutcome(
        diagnostics, commands, kernelUsed, assets, release, steps, pinnedImages());
  }

  /** What a stopped build reports: its findings and commands, no assets. */
  BuildOutcome stopped() {
    return new BuildOutcome(
        diagnostics, commands, kernelUsed, List.of(), null, List.of(), pinnedImages());
  }

  private List<BuildOutcome.BaseImage> pinnedImages() {
    List<BuildOutcome.BaseImage> images = new ArrayList<>();
    baseImages.forEach((arch, image) -> images.add(new BuildOutcome.BaseImage(arch, image)));
    return images;
  }
}

package dev.capsem.core.internal.image;

import dev.capsem.core.diag.Code;
import dev.capsem.core.internal.manifest.AssetNames;
import dev.capsem.core.internal.workspace.GuestConfig.ArchConfig;
import dev.capsem.core.ports.BuildProgress;
import dev.capsem.core.ports.ContainerCommand;
import dev.capsem.core.ports.Downloader;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kernel (image-build.md §4.5, decision D12): the source tarball obtained and checked on the
 * host, the architecture's defconfig, compiled in a container, {@code vmlinuz} copied out.
 */
final class KernelStep implements BuildStep {

  private final ContainerChores chores;
  private final KernelResolver resolver;
  private final Downloader downloads;

  KernelStep(ContainerChores chores, KernelResolver resolver, Downloader downloads) {
    this.chores = chores;
    this.resolver = resolver;
    this.downloads = downloads;
  }

  @Override
  public KernelStep through(ContainerChores chores) {
    return new KernelStep(chores, resolver, downloads);
  }

  @Override
  public String name() {
    return "kernel";
  }

  @Override
  public List<String> outputs() {
    return List.of(AssetNames.KERNEL);
  }

  @Override
  public void addInputs(BuildRun run, String arch, ArchConfig config, Map<String, String> inputs)
      throws IOException {
    KernelResolver.Resolved source = resolver.resolve(config);
    KernelRecipe recipe = run.engine.kernel(arch, config, source.contextName(), run.epoch);
    inputs.put("Dockerfile", run.hasher.hex(utf8(recipe.dockerfile())));
    inputs.put("KERNEL_VERSION", source.version());
    inputs.put(
        recipe.defconfigInContext(),
        run.hasher.hex(run.workspace.file("config/" + recipe.defconfigInContext()).content()));
    inputs.put(
        "kernel_source",
        source.tarball() != null
            ? run.hasher.hexOfFile(source.tarball())
            : source.url() != null
                ? source.url() + " sha256:" + run.settings.kernelSource().sha256()
                : source.source() + " on " + config.baseImage());
  }

  @Override
  public void run(BuildRun run, String arch, ArchConfig config) throws IOException {
    try (BuildProgress.Step step = run.progress.begin(arch + " kernel")) {
      Path context = run.workDir(arch, "kernel");
      KernelResolver.Resolved source = resolver.resolve(config);
      KernelRecipe recipe = run.engine.kernel(arch, config, source.contextName(), run.epoch);
      String sha256 = null;
      if (!run.dryRun()) {
        sha256 = prepareContext(run, context, source, recipe);
        var refused = LockedBuild.kernelProblem(run.lock, arch, sha256);
        if (refused != null) {
          throw new BuildStop(refused);
        }
      }
      String tag = run.tag("kernel", arch);
      Map<String, String> args = new LinkedHashMap<>();
      args.put("KERNEL_VERSION", source.version());
      try {
        chores.execute(
            arch,
            "kernel",
            new ContainerCommand.Build(
                recipe.platform(),
                tag,
                context,
                run.withBuildId(args),
                run.settings.noCache(),
                ContainerCommand.CpuShare.EQUAL));
        chores.extract(
            arch,
            "kernel",
            recipe.platform(),
            tag,
            source.contextName() == null
                ? List.of(
                    Map.entry("/vmlinuz", context.resolve(AssetNames.KERNEL)),
                    Map.entry("/kernel.release", context.resolve("kernel.release")),
                    Map.entry("/kernel.source", context.resolve("kernel.source")))
                : List.of(
                    Map.entry("/vmlinuz", context.resolve(AssetNames.KERNEL)),
                    Map.entry("/kernel.release", context.resolve("kernel.release"))));
      } finally {
        chores.removeImage(arch, "kernel", tag);
      }
      if (!run.dryRun()) {
        String version =
            Files.readString(context.resolve("kernel.release"), StandardCharsets.UTF_8).strip();
        String from = source.source();
        if (source.contextName() == null) {
          // "<package> <version> <sha256 of its tarball>", written by the recipe from dpkg.
          String[] debian =
              Files.readString(context.resolve("kernel.source"), StandardCharsets.UTF_8)
                  .strip()
                  .split(" ");
          from = "debian:" + debian[0] + "=" + debian[1] + " (apt, " + config.baseImage() + ")";
          sha256 = debian[2];
        }
        run.kernelUsed =
            new BuildOutcome.KernelUsed(
                version.isEmpty() ? source.version() : version, from, sha256);
        run.place(context.resolve(AssetNames.KERNEL), arch, AssetNames.KERNEL);
      }
      step.succeeded();
    }
  }

  /** The source tarball (linked or downloaded, then checked), Dockerfile and defconfig. */
  private String prepareContext(
      BuildRun run, Path context, KernelResolver.Resolved source, KernelRecipe recipe)
      throws IOException {
    if (source.contextName() == null) {
      BuildFiles.writeString(context.resolve("Dockerfile"), recipe.dockerfile());
      BuildFiles.write(
          context.resolve(recipe.defconfigInContext()),
          run.workspace.file("config/" + recipe.defconfigInContext()));
      return null;
    }
    Path tarball = context.resolve(source.contextName());
    if (source.tarball() != null) {
      BuildFiles.linkOrCopy(source.tarball(), tarball);
    } else {
      download(run, source.url(), tarball);
    }
    String sha256 = BuildFiles.sha256(tarball);
    String expected = run.settings.kernelSource().sha256();
    if (expected != null && !expected.equals(sha256)) {
      throw BuildStop.of(
          Code.E305, "kernel source sha256 mismatch: expected " + expected + ", got " + sha256);
    }
    BuildFiles.writeString(context.resolve("Dockerfile"), recipe.dockerfile());
    BuildFiles.write(
        context.resolve(recipe.defconfigInContext()),
        run.workspace.file("config/" + recipe.defconfigInContext()));
    return sha256;
  }

  private void download(BuildRun run, URI url, Path target) {
    try (BuildProgress.Step step = run.progress.begin("download " + url)) {
      // The head within a minute; the body at TransferPace.DOWNLOADS's pace, however long it takes.
      downloads.download(url, target, Duration.ofSeconds(60));
      step.succeeded();
    } catch (IOException e) {
      throw BuildStop.of(
          Code.E308, "cannot download the kernel source " + url + ": " + e.getMessage());
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}

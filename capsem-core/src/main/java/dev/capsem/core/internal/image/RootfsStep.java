package dev.capsem.core.internal.image;

import dev.capsem.core.diag.Code;
import dev.capsem.core.internal.image.rootfs.RootfsWriter;
import dev.capsem.core.internal.manifest.AssetNames;
import dev.capsem.core.internal.squashfs.SquashfsWriter;
import dev.capsem.core.internal.workspace.GuestConfig;
import dev.capsem.core.internal.workspace.GuestConfig.ArchConfig;
import dev.capsem.core.ports.BuildProgress;
import dev.capsem.core.ports.ContainerCommand;
import dev.capsem.core.ports.ContainerRuntimeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The root file system (image-build.md §4.6): the rootfs image built from its Dockerfile and
 * context, exported and packed into squashfs (by our writer from the export's stream, or by
 * mksquashfs in a second container as decision D16 had it), then probed for its tool versions and
 * package inventory.
 */
final class RootfsStep implements BuildStep {

  /** The guest artifacts the rootfs Dockerfile copies, by their name in the workspace. */
  private static final List<String> ARTIFACTS =
      List.of(
          "capsem-ca.crt",
          "capsem-bashrc",
          "banner.txt",
          "tips.txt",
          "capsem-doctor",
          "capsem-bench",
          "snapshots",
          "capsem_bench",
          "diagnostics");

  /** What the ecosystems vouch for the installed packages with, which {@code image lock} reads. */
  static final String PACKAGE_HASHES = "package-hashes.json";

  private final ContainerChores chores;
  private final StreamedSquashfs streamed;

  RootfsStep(ContainerChores chores, StreamedSquashfs streamed) {
    this.chores = chores;
    this.streamed = streamed;
  }

  @Override
  public RootfsStep through(ContainerChores chores) {
    return new RootfsStep(chores, streamed.through(chores));
  }

  @Override
  public String name() {
    return "rootfs";
  }

  @Override
  public List<String> outputs() {
    return List.of(AssetNames.ROOTFS, "tool-versions.txt", "image-inventory.json", PACKAGE_HASHES);
  }

  private static RootfsRecipe recipe(BuildRun run, String arch) {
    return new RootfsRecipe(
        run.config(),
        run.rootfsArch(arch),
        run.settings.sources(),
        !run.settings.guestBinaries().omitted(),
        run.epoch,
        run.lock(arch));
  }

  @Override
  public void addInputs(BuildRun run, String arch, ArchConfig config, Map<String, String> inputs)
      throws IOException {
    RootfsRecipe recipe = recipe(run, arch);
    GuestConfig guest = run.config();
    inputs.put("package_contract", run.plan.packageContractHash());
    inputs.put("Dockerfile", run.hasher.hex(utf8(recipe.dockerfile())));
    if (recipe.lock() != null) {
      recipe
          .lockFiles()
          .forEach(
              (name, text) ->
                  inputs.put(RootfsRecipe.CONTEXT_LOCK + "/" + name, run.hasher.hex(utf8(text))));
    }
    for (String name : ARTIFACTS) {
      run.workspace
          .tree("artifacts/" + name)
          .forEach(
              (below, file) ->
                  inputs.put(
                      below.isEmpty() ? name : name + "/" + below, run.hasher.hex(file.content())));
    }
    for (HostFile file : hostFiles(run, arch)) {
      if (Files.isDirectory(file.source())) {
        try (Stream<Path> walk = Files.walk(file.source())) {
          for (Path each : walk.filter(Files::isRegularFile).sorted().toList()) {
            inputs.put(
                file.name() + "/" + file.source().relativize(each).toString().replace('\\', '/'),
                run.hasher.hexOfFile(each));
          }
        }
      } else {
        inputs.put(file.name(), run.hasher.hexOfFile(file.source()));
      }
    }
    inputs.put(
        "squashfs",
        run.hasher.hex(
            utf8(
                run.settings.squashfsWriter() == RootfsWriter.MKSQUASHFS
                    ? ToolImages.assetToolsDockerfile(config.baseImage())
                        + ToolImages.squashfsScript(
                            guest.build().compression(),
                            guest.build().compressionLevel(),
                            run.epoch)
                    : StreamedSquashfs.recipe(guest.build(), run.epoch))));
    if (run.settings.squashfsWriter() != RootfsWriter.MKSQUASHFS) {
      streamed.settings(run); // E532 now, before the kernel of the same build is compiled
    }
    inputs.put(
        "probes",
        run.hasher.hex(
            utf8(
                GuestProbes.toolVersionsScript(guest)
                    + GuestProbes.INVENTORY_SCRIPT
                    + GuestProbes.inventoryConfig(guest, recipe.npmPrefix()))));
  }

  @Override
  public void run(BuildRun run, String arch, ArchConfig config) throws IOException {
    try (BuildProgress.Step step = run.progress.begin(arch + " rootfs")) {
      Path context = run.workDir(arch, "rootfs");
      RootfsRecipe recipe = recipe(run, arch);
      if (!run.dryRun()) {
        prepareContext(run, arch, context, recipe);
      }
      String tag = run.tag("rootfs", arch);
      String platform = config.dockerPlatform();
      Path tar = context.resolve("rootfs.tar");
      Path squashfs = context.resolve(AssetNames.ROOTFS);
      String toolVersions;
      String inventory;
      String hashes;
      boolean mksquashfs = run.settings.squashfsWriter() == RootfsWriter.MKSQUASHFS;
      SquashfsWriter.Settings writing = mksquashfs ? null : streamed.settings(run);
      try {
        chores.execute(
            arch,
            "rootfs",
            new ContainerCommand.Build(
                platform,
                tag,
                context,
                run.withBuildId(Map.of()),
                run.settings.noCache(),
                ContainerCommand.CpuShare.SPARE));
        String container = chores.create(arch, "rootfs", platform, tag, List.of("/bin/true"));
        try {
          if (mksquashfs) {
            chores.execute(arch, "rootfs", new ContainerCommand.Export(container, tar));
          } else {
            streamed.write(run, arch, container, squashfs, writing);
          }
        } finally {
          chores.removeContainer(arch, "rootfs", container);
        }
        if (mksquashfs) {
          squashfs(run, arch, config, tar, squashfs);
        }
        toolVersions = toolVersions(run, arch, platform, tag);
        inventory = inventory(run, arch, platform, tag, recipe.npmPrefix());
        hashes = hashes(run, arch, platform, tag, recipe.npmPrefix());
      } finally {
        chores.removeImage(arch, "rootfs", tag);
      }
      if (!run.dryRun()) {
        Path dir = run.archDir(arch);
        if (toolVersions != null) {
          ReadableFiles.writeString(dir.resolve("tool-versions.txt"), toolVersions);
        }
        ReadableFiles.writeString(dir.resolve("image-inventory.json"), inventory);
        ReadableFiles.writeString(dir.resolve(PACKAGE_HASHES), hashes);
        run.place(squashfs, arch, AssetNames.ROOTFS);
      }
      step.succeeded();
    }
  }

  /**
   * A file or folder of the host the rootfs context holds, by its name there.
   *
   * @param agent a guest agent, copied read-only and executable
   */
  private record HostFile(String name, Path source, boolean agent) {}

  /** What the context takes from the host rather than the workspace: agents, build CA, wheels. */
  private static List<HostFile> hostFiles(BuildRun run, String arch) {
    List<HostFile> files = new ArrayList<>();
    if (!run.settings.guestBinaries().omitted()) {
      for (String name : GuestBinaries.NAMES) {
        files.add(
            new HostFile(
                RootfsRecipe.CONTEXT_GUEST_BINARIES + "/" + name,
                run.settings.guestBinaries().dir().path().resolve(arch).resolve(name),
                true));
      }
    }
    PackageSources sources = run.settings.sources();
    if (sources.buildCa() != null) {
      files.add(new HostFile(RootfsRecipe.CONTEXT_BUILD_CA, sources.buildCa().path(), false));
    }
    if (sources.pythonWheels() != null) {
      files.add(new HostFile(RootfsRecipe.CONTEXT_WHEELS, sources.pythonWheels().path(), false));
    }
    return files;
  }

  private static void prepareContext(BuildRun run, String arch, Path context, RootfsRecipe recipe)
      throws IOException {
    BuildFiles.writeString(context.resolve("Dockerfile"), recipe.dockerfile());
    if (recipe.lock() != null) {
      for (Map.Entry<String, String> file : recipe.lockFiles().entrySet()) {
        Path target = context.resolve(RootfsRecipe.CONTEXT_LOCK).resolve(file.getKey());
        BuildFiles.writeString(target, file.getValue());
        BuildFiles.setMode(target, "rw-r--r--");
      }
    }
    for (String name : ARTIFACTS) {
      for (Map.Entry<String, WorkspaceFile> file :
          run.workspace.tree("artifacts/" + name).entrySet()) {
        String below = file.getKey();
        BuildFiles.write(
            context.resolve(below.isEmpty() ? name : name + "/" + below), file.getValue());
      }
    }
    for (String dir : ImageWorkspace.ARTIFACT_DIRS) {
      Files.createDirectories(context.resolve(dir)); // the Dockerfile copies it even when empty
    }
    for (HostFile file : hostFiles(run, arch)) {
      Path target = context.resolve(file.name());
      if (Files.isDirectory(file.source())) {
        copyTree(file.source(), target);
        continue;
      }
      Files.createDirectories(target.getParent());
      Files.copy(file.source(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      if (file.agent()) {
        BuildFiles.setMode(target, "r-xr-xr-x");
      }
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path source : walk.sorted().toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  /** The squashfs, written by mksquashfs in the asset-tools container (decision D16). */
  private void squashfs(BuildRun run, String arch, ArchConfig config, Path tar, Path squashfs)
      throws IOException {
    String tools = assetTools(run, arch, config.baseImage());
    String script =
        ToolImages.squashfsScript(
            run.config().build().compression(), run.config().build().compressionLevel(), run.epoch);
    String container = chores.create(arch, "squashfs", null, tools, List.of("bash", "-c", script));
    try {
      chores.execute(arch, "squashfs", new ContainerCommand.CopyIn(tar, container, "/rootfs.tar"));
      if (!run.dryRun()) {
        Files.deleteIfExists(tar);
      }
      chores.execute(arch, "squashfs", new ContainerCommand.Start(container));
      chores.execute(
          arch, "squashfs", new ContainerCommand.CopyOut(container, "/rootfs.squashfs", squashfs));
    } finally {
      chores.removeContainer(arch, "squashfs", container);
    }
  }

  /** The asset-tools image, built once per recipe (its tag carries the recipe's hash). */
  private String assetTools(BuildRun run, String arch, String baseImage) throws IOException {
    String dockerfile = ToolImages.assetToolsDockerfile(baseImage);
    String tag = ToolImages.assetToolsTag(run.hasher, baseImage);
    if (!run.dryRun()) {
      try {
        chores.runtime().execute(new ContainerCommand.InspectImage(tag));
        return tag;
      } catch (ContainerRuntimeException absent) {
        // Not built yet on this engine (an engine that does not answer fails the build next).
      }
    }
    Path context = run.workDir(arch, "asset-tools");
    if (!run.dryRun()) {
      BuildFiles.writeString(context.resolve("Dockerfile"), dockerfile);
    }
    chores.execute(
        arch,
        "squashfs",
        new ContainerCommand.Build(
            null, tag, context, Map.of(), false, ContainerCommand.CpuShare.SPARE));
    return tag;
  }

  private String toolVersions(BuildRun run, String arch, String platform, String tag) {
    String script = GuestProbes.toolVersionsScript(run.config());
    if (script.isEmpty()) {
      return null;
    }
    String output =
        chores.execute(
            arch,
            "tool versions",
            new ContainerCommand.Run(platform, tag, false, List.of("bash", "-c", script)));
    if (!run.dryRun()) {
      List<String> missing = GuestProbes.missingAiVersions(output, run.config());
      if (!missing.isEmpty()) {
        throw BuildStop.of(
            Code.E311,
            "Enabled AI CLIs returned N/A or empty version: "
                + String.join(", ", missing)
                + ". Check that the CLI installed correctly in the rootfs.");
      }
    }
    return output;
  }

  private String inventory(BuildRun run, String arch, String platform, String tag, String npm) {
    String output =
        chores.execute(
            arch,
            "inventory",
            new ContainerCommand.Run(
                platform,
                tag,
                false,
                List.of(
                    "python3",
                    "-c",
                    GuestProbes.INVENTORY_SCRIPT,
                    GuestProbes.inventoryConfig(run.config(), npm))));
    if (run.dryRun()) {
      return "";
    }
    try {
      return GuestProbes.inventoryDocument(output);
    } catch (IllegalArgumentException e) {
      throw BuildStop.of(Code.E307, "image inventory for " + arch + ": " + e.getMessage());
    }
  }

  /**
   * The package hashes (in a throwaway container with network, which may update apt's lists); what
   * it could not get is a W600 of the build.
   */
  private String hashes(BuildRun run, String arch, String platform, String tag, String npm) {
    String output =
        chores.execute(
            arch,
            "package hashes",
            new ContainerCommand.Run(
                platform,
                tag,
                true,
                List.of(
                    "python3",
                    "-c",
                    GuestProbes.HASHES_SCRIPT,
                    GuestProbes.inventoryConfig(run.config(), npm))));
    if (run.dryRun()) {
      return "";
    }
    try {
      GuestProbes.Hashes hashes = GuestProbes.hashesDocument(output);
      for (String note : hashes.notes()) {
        run.diagnostics.add(BuildStop.warning(Code.W600, arch + ": " + note));
      }
      return hashes.json();
    } catch (IllegalArgumentException e) {
      throw BuildStop.of(Code.E307, "package hashes for " + arch + ": " + e.getMessage());
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}

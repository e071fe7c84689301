package dev.capsem.core.internal.image;

import dev.capsem.core.internal.manifest.AssetNames;
import dev.capsem.core.internal.workspace.GuestConfig.ArchConfig;
import dev.capsem.core.ports.BuildProgress;
import dev.capsem.core.ports.ContainerCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The initrd: the target's static busybox taken from a small image, packed with {@code capsem-init}
 * as {@code /init} into a reproducible {@code newc} archive ({@link Initramfs}).
 */
final class InitrdStep implements BuildStep {

  private final ContainerChores chores;

  InitrdStep(ContainerChores chores) {
    this.chores = chores;
  }

  @Override
  public InitrdStep through(ContainerChores chores) {
    return new InitrdStep(chores);
  }

  @Override
  public String name() {
    return "initrd";
  }

  @Override
  public List<String> outputs() {
    return List.of(AssetNames.INITRD);
  }

  @Override
  public void addInputs(BuildRun run, String arch, ArchConfig config, Map<String, String> inputs) {
    inputs.put(
        "Dockerfile",
        run.hasher.hex(run.engine.busybox(config).dockerfile().getBytes(StandardCharsets.UTF_8)));
    inputs.put("capsem-init", run.hasher.hex(capsemInit(run)));
  }

  @Override
  public void run(BuildRun run, String arch, ArchConfig config) throws IOException {
    try (BuildProgress.Step step = run.progress.begin(arch + " initrd")) {
      Path context = run.workDir(arch, "initrd");
      BusyboxRecipe recipe = run.engine.busybox(config);
      if (!run.dryRun()) {
        BuildFiles.writeString(context.resolve("Dockerfile"), recipe.dockerfile());
      }
      String tag = run.tag("initrd", arch);
      try {
        chores.execute(
            arch,
            "initrd",
            new ContainerCommand.Build(
                recipe.platform(),
                tag,
                context,
                run.withBuildId(Map.of()),
                run.settings.noCache(),
                ContainerCommand.CpuShare.SPARE));
        chores.extract(
            arch,
            "initrd",
            recipe.platform(),
            tag,
            List.of(Map.entry(BusyboxRecipe.BUSYBOX, context.resolve("busybox"))));
      } finally {
        chores.removeImage(arch, "initrd", tag);
      }
      if (!run.dryRun()) {
        byte[] initrd =
            Initramfs.capsem(
                Files.readAllBytes(context.resolve("busybox")), capsemInit(run), run.epoch);
        Files.write(context.resolve(AssetNames.INITRD), initrd);
        run.place(context.resolve(AssetNames.INITRD), arch, AssetNames.INITRD);
      }
      step.succeeded();
    }
  }

  private static byte[] capsemInit(BuildRun run) {
    return run.workspace.file("artifacts/capsem-init").content();
  }
}

package dev.capsem.core.internal.release;

import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.internal.image.ArchSelection;
import dev.capsem.core.internal.manifest.AssetNames;
import java.util.ArrayList;
import java.util.List;

/**
 * The files a release publishes, with their labels: the release profile (the main file), each
 * architecture's boot files and inventory, the asset manifest, {@code B3SUMS}, the catalog (the
 * SBOMs are added by their step).
 */
final class ReleaseFiles {

  private ReleaseFiles() {}

  /**
   * What is signed: every boot file built, the asset manifest, the release profile, the catalog.
   */
  static List<GivenPath> signed(ReleaseRun run) {
    List<GivenPath> files = new ArrayList<>();
    for (String arch : ArchSelection.of(run.config.arch())) {
      for (String name : AssetNames.BOOT_FILES) {
        GivenPath file = run.layout().assets().resolve(arch + "/" + name);
        if (run.tools.files().isFile(file.path())) {
          files.add(file);
        }
      }
    }
    files.add(run.layout().assets().resolve("manifest.json"));
    files.add(run.releaseProfile());
    files.add(run.layout().catalog());
    return files;
  }

  /** Everything published, labelled, in a stable order. */
  static List<ReleaseFile> published(ReleaseRun run, boolean signed) {
    List<ReleaseFile> files = new ArrayList<>();
    files.add(new ReleaseFile(run.releaseProfile(), null, "json", signed));
    GivenPath assets = run.layout().assets();
    for (String arch : ArchSelection.of(run.config.arch())) {
      GivenPath dir = assets.resolve(arch);
      add(run, files, dir.resolve(AssetNames.KERNEL), arch + "-kernel", "vmlinuz", signed);
      add(run, files, dir.resolve(AssetNames.INITRD), arch + "-initrd", "img", signed);
      add(run, files, dir.resolve(AssetNames.ROOTFS), arch + "-rootfs", "squashfs", signed);
      add(
          run,
          files,
          assets.resolve(arch + "/image-inventory.json"),
          arch + "-inventory",
          "json",
          false);
    }
    add(run, files, assets.resolve("manifest.json"), "assets", "json", signed);
    add(run, files, assets.resolve("B3SUMS"), "b3sums", "txt", false);
    add(run, files, run.layout().catalog(), "catalog", "json", signed);
    return files;
  }

  private static void add(
      ReleaseRun run,
      List<ReleaseFile> files,
      GivenPath file,
      String label,
      String type,
      boolean signature) {
    if (run.tools.files().isFile(file.path())) {
      files.add(new ReleaseFile(file, label, type, signature));
    }
  }
}

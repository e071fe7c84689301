package dev.capsem.core.internal.image;

import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.internal.image.rootfs.RootfsWriter;
import java.util.Objects;

/**
 * How to build, beyond what the profile and its workspace say.
 *
 * @param outDir the asset folder ({@code <out>/<arch>/vmlinuz|initrd.img|rootfs.squashfs})
 * @param binaryVersion the Capsem binary version the release manifest pairs the assets with
 *     (required unless {@code dryRun})
 * @param noCache rebuild every image layer (what a reproducibility check needs)
 * @param dryRun plan and print every container command without running any
 * @param squashfsWriter who writes {@code rootfs.squashfs}: our writer from the export's stream
 *     (the default), or mksquashfs in a second container for one more release
 */
public record BuildSettings(
    ImageTemplate template,
    GivenPath outDir,
    GuestBinaries guestBinaries,
    KernelSource kernelSource,
    PackageSources sources,
    String binaryVersion,
    boolean noCache,
    boolean dryRun,
    RootfsWriter squashfsWriter) {

  public BuildSettings {
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(outDir, "outDir");
    Objects.requireNonNull(guestBinaries, "guestBinaries");
    Objects.requireNonNull(kernelSource, "kernelSource");
    Objects.requireNonNull(sources, "sources");
    Objects.requireNonNull(squashfsWriter, "squashfsWriter");
    if (!dryRun && (binaryVersion == null || binaryVersion.isBlank())) {
      throw new IllegalArgumentException("binary version not set (pass --binary-version)");
    }
  }
}

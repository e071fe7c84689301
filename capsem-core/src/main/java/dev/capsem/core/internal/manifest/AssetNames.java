package dev.capsem.core.internal.manifest;

import java.util.List;
import java.util.Map;

/**
 * The boot files of an architecture, by the names every asset folder, manifest, release and catalog
 * uses: one place, so that no step spells them differently.
 */
public final class AssetNames {

  public static final String KERNEL = "vmlinuz";
  public static final String INITRD = "initrd.img";
  public static final String ROOTFS = "rootfs.squashfs";

  /** In build order: kernel, initrd, rootfs. */
  public static final List<String> BOOT_FILES = List.of(KERNEL, INITRD, ROOTFS);

  /** In {@code generate_checksums}' sorted order, as {@code B3SUMS} lists them. */
  public static final List<String> SORTED = List.of(INITRD, ROOTFS, KERNEL);

  /** The profile's asset kinds ({@code vm.assets.<arch>.kernel}) to their file names. */
  public static final Map<String, String> BY_KIND =
      Map.of("kernel", KERNEL, "initrd", INITRD, "rootfs", ROOTFS);

  private AssetNames() {}
}

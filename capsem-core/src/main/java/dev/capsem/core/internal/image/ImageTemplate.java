package dev.capsem.core.internal.image;

import java.util.List;
import java.util.Locale;

/**
 * What an image build produces per architecture. Upstream builds one template per run ({@code
 * rootfs} or {@code kernel}); the brief's default is everything.
 */
public enum ImageTemplate {
  /** Kernel, initrd, then rootfs. */
  ALL,
  /** The kernel compiled from source, and the initrd that boots it. */
  KERNEL,
  /** The root file system (squashfs), with its tool versions and package inventory. */
  ROOTFS,
  /** Only the initrd (static busybox and capsem-init), without compiling a kernel. */
  INITRD;

  /** The names the command line accepts, in help order. */
  public static final List<String> NAMES = List.of("all", "kernel", "rootfs", "initrd");

  public static ImageTemplate parse(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  boolean compilesKernel() {
    return this == ALL || this == KERNEL;
  }

  boolean packsInitrd() {
    return this == ALL || this == KERNEL || this == INITRD;
  }

  boolean buildsRootfs() {
    return this == ALL || this == ROOTFS;
  }
}

package dev.capsem.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The kit's arm64 defconfig names what a Capsem guest cannot boot or run without (the boot test of
 * {@link ImageBuildArm64RealTest} proves the whole kernel; this guards the file itself).
 */
class KitDefconfigArm64Test {

  private static final Path DEFCONFIG =
      AdminProcess.repositoryRoot()
          .resolve(
              "capsem-guest-kit/src/main/resources/dev/capsem/kit/config/kernel/defconfig.arm64");

  /** The symbols the kernel step's netfilter check demands (image-build.md §4.5). */
  private static final List<String> NETFILTER =
      List.of(
          "CONFIG_NETFILTER",
          "CONFIG_NF_CONNTRACK",
          "CONFIG_NF_NAT",
          "CONFIG_IP_NF_IPTABLES",
          "CONFIG_IP_NF_FILTER",
          "CONFIG_IP_NF_NAT",
          "CONFIG_NETFILTER_XTABLES",
          "CONFIG_NETFILTER_XT_TARGET_REDIRECT",
          "CONFIG_NF_NAT_REDIRECT");

  /** Devices and file systems of the boot contract (image-build.md §5.1) on QEMU's virt machine. */
  private static final List<String> GUEST =
      List.of(
          "CONFIG_PCI_HOST_GENERIC",
          "CONFIG_VIRTIO_PCI",
          "CONFIG_VIRTIO_MMIO",
          "CONFIG_VIRTIO_BLK",
          "CONFIG_VIRTIO_NET",
          "CONFIG_VIRTIO_CONSOLE",
          "CONFIG_VIRTIO_VSOCKETS",
          "CONFIG_HW_RANDOM_VIRTIO",
          "CONFIG_SERIAL_AMBA_PL011_CONSOLE",
          "CONFIG_BLK_DEV_INITRD",
          "CONFIG_RD_GZIP",
          "CONFIG_DEVTMPFS",
          "CONFIG_TMPFS",
          "CONFIG_TMPFS_XATTR",
          "CONFIG_SQUASHFS",
          "CONFIG_SQUASHFS_ZSTD",
          "CONFIG_OVERLAY_FS",
          "CONFIG_EXT4_FS",
          "CONFIG_FUSE_FS",
          "CONFIG_VIRTIO_FS",
          "CONFIG_DUMMY",
          "CONFIG_AUDIT");

  @Test
  void defconfig_namesEveryOptionTheGuestNeedsAsBuiltIn() throws Exception {
    List<String> lines = Files.readAllLines(DEFCONFIG);

    for (String symbol : NETFILTER) {
      assertThat(lines).as("netfilter").contains(symbol + "=y");
    }
    for (String symbol : GUEST) {
      assertThat(lines).as("guest").contains(symbol + "=y");
    }
  }

  @Test
  void defconfig_hasNoModulesAndOnlySettingsOrComments() throws Exception {
    List<String> lines = Files.readAllLines(DEFCONFIG);

    assertThat(lines).noneMatch(line -> line.startsWith("CONFIG_MODULES="));
    assertThat(lines)
        .allMatch(
            line ->
                line.isEmpty()
                    || line.startsWith("#")
                    || line.matches("CONFIG_[A-Z0-9_]+=(y|\\d+|\"[^\"]*\")"));
  }
}

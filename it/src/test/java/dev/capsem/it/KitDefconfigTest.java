package dev.capsem.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.internal.kit.GuestKit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kit's x86_64 defconfig through {@code make olddefconfig} of Debian's kernel sources 6.12 and
 * 6.1, in a container (the kernel's Kconfig tools need a compiler, flex and bison): every option a
 * Capsem guest needs is still built in, and the options it must not have stay off. The sources are
 * the tarballs {@code scripts/kernel-source.sh} fetches ({@code linux-source-6.12}, and {@code
 * linux-source-6.1} beside it).
 */
class KitDefconfigTest {

  /** What the guest needs built in, independent of how the defconfig says it. */
  private static final List<String> REQUIRED =
      List.of(
          "64BIT",
          "SMP",
          "BLK_DEV_INITRD",
          "RD_GZIP",
          "BINFMT_ELF",
          "BINFMT_SCRIPT",
          "PCI",
          "PCI_MSI",
          "VIRTIO_PCI",
          "VIRTIO_MMIO",
          "VIRTIO_BLK",
          "VIRTIO_NET",
          "VIRTIO_CONSOLE",
          "VIRTIO_VSOCKETS",
          "HW_RANDOM_VIRTIO",
          "SERIAL_8250_CONSOLE",
          "SQUASHFS",
          "SQUASHFS_ZSTD",
          "OVERLAY_FS",
          "EXT4_FS",
          "FUSE_FS",
          "VIRTIO_FS",
          "TMPFS",
          "DEVTMPFS",
          "PROC_FS",
          "SYSFS",
          "UNIX",
          "INET",
          "DUMMY",
          "AUDIT",
          "NETFILTER",
          "NF_CONNTRACK",
          "NF_NAT",
          "IP_NF_IPTABLES",
          "IP_NF_FILTER",
          "IP_NF_NAT",
          "NETFILTER_XTABLES",
          "NETFILTER_XT_TARGET_REDIRECT",
          "NF_NAT_REDIRECT",
          "FUTEX",
          "EPOLL",
          "INOTIFY_USER",
          "SYSVIPC",
          "UNIX98_PTYS",
          "RANDOMIZE_BASE",
          "STACKPROTECTOR_STRONG",
          "FORTIFY_SOURCE");

  private static final List<String> ABSENT = List.of("MODULES", "ACPI", "IPV6", "DEBUG_INFO");

  private static final String TOOLS_IMAGE = "capsem-it-kconfig:bookworm";

  @TempDir Path temp;

  // Two kernel sources unpacked and configured: more than a minute on two cores. Opt-in with the
  // kernel builds; in every run the boot tests build the kit's kernel from linux-source-6.12 and
  // boot it through every check.
  @Test
  @EnabledIfEnvironmentVariable(named = "CAPSEM_KERNEL_BUILD", matches = "1")
  void olddefconfig_debianSources_keepEveryOptionTheGuestNeeds() throws Exception {
    Path source612 = KitImage.kernelSource();
    if (source612 == null) {
      KitImage.requireOrSkip("no linux-source-6.12 tarball (scripts/kernel-source.sh)");
    }
    Path source61 = source612.resolveSibling("linux-source-6.1.tar.xz");
    if (!Files.isRegularFile(source61)) {
      KitImage.requireOrSkip("no " + source61 + " (scripts/kernel-source.sh linux-source-6.1)");
    }
    toolsImage();
    Path defconfig =
        GuestKit.bundled()
            .materialize(temp.resolve("kit"), GuestKit.Kind.DEFCONFIGS)
            .resolve("config/kernel/defconfig.x86_64");

    for (Path source : List.of(source612, source61)) {
      String config = olddefconfig(source, defconfig);

      List<String> missing = new ArrayList<>();
      for (String option : REQUIRED) {
        if (!config.lines().anyMatch(line -> line.equals("CONFIG_" + option + "=y"))) {
          missing.add(option);
        }
      }
      assertThat(missing).as("options off after olddefconfig of %s", source).isEmpty();
      for (String option : ABSENT) {
        assertThat(config.lines())
            .as("%s after olddefconfig of %s", option, source)
            .doesNotContain("CONFIG_" + option + "=y");
      }
    }
  }

  /** The .config that {@code make olddefconfig} of {@code source} writes from {@code defconfig}. */
  private String olddefconfig(Path source, Path defconfig) throws Exception {
    Path out = Files.createDirectories(temp.resolve("out-" + source.getFileName()));
    String script =
        "set -e; mkdir /k; tar -xJf /source.tar.xz -C /k --strip-components=1; "
            + "cd /k && cp /defconfig .config && make -s olddefconfig && cp .config /out/config";
    run(
        "docker",
        "run",
        "--rm",
        "--network",
        "none",
        "-v",
        source + ":/source.tar.xz:ro",
        "-v",
        defconfig + ":/defconfig:ro",
        "-v",
        out + ":/out",
        TOOLS_IMAGE,
        "sh",
        "-c",
        script);
    return Files.readString(out.resolve("config"), StandardCharsets.UTF_8);
  }

  /** Debian with the kernel's configuration tools (built once, then the engine's cache). */
  private void toolsImage() throws Exception {
    Path context = Files.createDirectories(temp.resolve("tools"));
    Files.writeString(
        context.resolve("Dockerfile"),
        "FROM debian:bookworm-slim\n"
            + "RUN apt-get update -o Acquire::Check-Valid-Until=false"
            + " && apt-get install -y --no-install-recommends make gcc libc6-dev flex bison bc"
            + " xz-utils && rm -rf /var/lib/apt/lists/*\n");
    run("docker", "build", "-q", "-t", TOOLS_IMAGE, context.toString());
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(20, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as("%s:%n%s", String.join(" ", command), output).isZero();
  }
}

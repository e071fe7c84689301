package dev.capsem.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capsem.core.ports.VmSpec;
import dev.capsem.core.ports.VmSpec.Accelerator;
import dev.capsem.core.ports.VmSpec.VmDisk;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class QemuCommandTest {

  private static VmSpec spec(String arch, Accelerator accelerator) {
    return new VmSpec(
        arch,
        Path.of("/a/vmlinuz"),
        Path.of("/a/initrd.img"),
        List.of(
            new VmDisk(Path.of("/a/rootfs.squashfs"), true, "capsem-rootfs"),
            new VmDisk(Path.of("/w/odd,name.img"), false, null)),
        "panic=-1 capsem.test=1",
        1024,
        2,
        accelerator,
        Path.of("/w/console.log"),
        Duration.ofMinutes(1));
  }

  @Test
  void of_x86Tcg_isAHeadlessDirectKernelBootWithDisksInOrder() {
    assertThat(QemuCommand.of(spec("x86_64", Accelerator.AUTO), Accelerator.TCG))
        .containsExactly(
            "qemu-system-x86_64",
            "-nodefaults",
            "-no-user-config",
            "-display",
            "none",
            "-no-reboot",
            "-machine",
            "pc",
            "-accel",
            "tcg,thread=multi",
            "-cpu",
            "max",
            "-m",
            "1024",
            "-smp",
            "2",
            "-kernel",
            "/a/vmlinuz",
            "-initrd",
            "/a/initrd.img",
            "-append",
            "console=ttyS0 panic=-1 capsem.test=1",
            "-serial",
            "file:/w/console.log",
            "-device",
            "virtio-rng-pci",
            "-drive",
            "if=none,id=disk0,format=raw,file=/a/rootfs.squashfs,readonly=on",
            "-device",
            "virtio-blk-pci,drive=disk0,serial=capsem-rootfs",
            "-drive",
            "if=none,id=disk1,format=raw,file=/w/odd,,name.img,readonly=off",
            "-device",
            "virtio-blk-pci,drive=disk1");
  }

  @Test
  void of_kvm_usesTheHostCpu() {
    List<String> args = QemuCommand.of(spec("x86_64", Accelerator.AUTO), Accelerator.KVM);

    assertThat(String.join(" ", args)).contains("-accel kvm -cpu host").doesNotContain("tcg");
  }

  @Test
  void of_arm64_isTheVirtMachineWithItsPl011Console() {
    List<String> args = QemuCommand.of(spec("arm64", Accelerator.TCG), Accelerator.TCG);

    assertThat(args.get(0)).isEqualTo("qemu-system-aarch64");
    assertThat(String.join(" ", args))
        .contains("-machine virt")
        .contains("console=ttyAMA0 panic=-1");
  }

  @Test
  void of_autoOrUnknownArch_isRefused() {
    assertThatThrownBy(() -> QemuCommand.of(spec("x86_64", Accelerator.AUTO), Accelerator.AUTO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> QemuCommand.of(spec("riscv64", Accelerator.TCG), Accelerator.TCG))
        .hasMessage("no virtual machine for arch 'riscv64' (arm64 or x86_64)");
  }
}

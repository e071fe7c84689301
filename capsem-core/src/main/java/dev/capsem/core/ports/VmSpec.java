package dev.capsem.core.ports;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One headless VM to boot.
 *
 * @param arch {@code x86_64} or {@code arm64}
 * @param kernel the kernel image ({@code bzImage}, {@code Image})
 * @param initrd the initial ramdisk
 * @param disks virtio block devices, in this order ({@code /dev/vda}, {@code /dev/vdb}, ...)
 * @param commandLine the kernel command line, without the console (the adapter names its own)
 * @param memoryMib guest memory
 * @param cpus virtual CPUs
 * @param accelerator what the caller wishes; {@link Accelerator#AUTO} takes KVM when it works
 * @param consoleLog the file the serial console is written to (replaced)
 * @param timeout how long the VM may run before it is killed
 */
public record VmSpec(
    String arch,
    Path kernel,
    Path initrd,
    List<VmDisk> disks,
    String commandLine,
    int memoryMib,
    int cpus,
    Accelerator accelerator,
    Path consoleLog,
    Duration timeout) {

  public VmSpec {
    Objects.requireNonNull(arch, "arch");
    Objects.requireNonNull(kernel, "kernel");
    Objects.requireNonNull(initrd, "initrd");
    disks = List.copyOf(disks);
    Objects.requireNonNull(commandLine, "commandLine");
    Objects.requireNonNull(accelerator, "accelerator");
    Objects.requireNonNull(consoleLog, "consoleLog");
    Objects.requireNonNull(timeout, "timeout");
    if (memoryMib < 64 || cpus < 1 || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException(
          "a VM needs at least 64 MiB, one CPU and a positive timeout");
    }
  }

  /** How a guest may be run. */
  public enum Accelerator {
    /** KVM when {@code /dev/kvm} works, else TCG. */
    AUTO,
    /** Hardware virtualisation only. */
    KVM,
    /** QEMU's emulation only (works everywhere, slower). */
    TCG;

    /** The name in reports: {@code kvm}, {@code tcg}, {@code auto}. */
    public String jsonName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * A raw disk image.
   *
   * @param serial the virtio serial the guest sees in {@code /sys/block/vdX/serial} (null: none)
   */
  public record VmDisk(Path file, boolean readOnly, String serial) {
    public VmDisk {
      Objects.requireNonNull(file, "file");
      if (serial != null && !serial.matches("[A-Za-z0-9-]{1,20}")) {
        throw new IllegalArgumentException("a disk serial is 1 to 20 letters, digits or '-'");
      }
    }
  }
}

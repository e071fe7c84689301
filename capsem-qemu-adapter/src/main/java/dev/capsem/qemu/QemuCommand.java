package dev.capsem.qemu;

import dev.capsem.core.ports.VmSpec;
import dev.capsem.core.ports.VmSpec.Accelerator;
import dev.capsem.core.ports.VmSpec.VmDisk;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The QEMU command line of a headless VM: no default devices, no display, no reboot (a guest's
 * power-off, reset or panic ends the process), the kernel booted directly, the first serial port
 * written to the console file, one virtio-blk-pci device per disk in order, a virtio RNG.
 */
final class QemuCommand {

  /** Per architecture: the executable, the machine, the serial console's device name. */
  record Machine(String executable, String machine, String console, String apt) {}

  static final Map<String, Machine> MACHINES =
      Map.of(
          "x86_64", new Machine("qemu-system-x86_64", "pc", "ttyS0", "qemu-system-x86"),
          "arm64", new Machine("qemu-system-aarch64", "virt", "ttyAMA0", "qemu-system-arm"));

  private QemuCommand() {}

  static Machine machine(String arch) {
    Machine machine = MACHINES.get(arch);
    if (machine == null) {
      throw new IllegalArgumentException(
          "no virtual machine for arch '" + arch + "' (arm64 or x86_64)");
    }
    return machine;
  }

  /** The argument list for {@code spec} run with {@code accelerator} (KVM or TCG). */
  static List<String> of(VmSpec spec, Accelerator accelerator) {
    if (accelerator == Accelerator.AUTO) {
      throw new IllegalArgumentException("the command runs one accelerator, KVM or TCG");
    }
    Machine machine = machine(spec.arch());
    List<String> args = new ArrayList<>();
    args.add(machine.executable());
    args.addAll(List.of("-nodefaults", "-no-user-config", "-display", "none", "-no-reboot"));
    args.addAll(List.of("-machine", machine.machine()));
    if (accelerator == Accelerator.KVM) {
      args.addAll(List.of("-accel", "kvm", "-cpu", "host"));
    } else {
      args.addAll(List.of("-accel", "tcg,thread=multi", "-cpu", "max"));
    }
    args.addAll(List.of("-m", Integer.toString(spec.memoryMib())));
    args.addAll(List.of("-smp", Integer.toString(spec.cpus())));
    args.addAll(List.of("-kernel", spec.kernel().toString()));
    args.addAll(List.of("-initrd", spec.initrd().toString()));
    String commandLine = "console=" + machine.console();
    if (!spec.commandLine().isBlank()) {
      commandLine += " " + spec.commandLine().strip();
    }
    args.addAll(List.of("-append", commandLine));
    args.addAll(List.of("-serial", "file:" + spec.consoleLog()));
    args.addAll(List.of("-device", "virtio-rng-pci"));
    for (int i = 0; i < spec.disks().size(); i++) {
      VmDisk disk = spec.disks().get(i);
      StringBuilder drive =
          new StringBuilder("if=none,id=disk")
              .append(i)
              .append(",format=raw,file=")
              .append(escaped(disk.file().toString()));
      drive.append(disk.readOnly() ? ",readonly=on" : ",readonly=off");
      args.addAll(List.of("-drive", drive.toString()));
      StringBuilder device = new StringBuilder("virtio-blk-pci,drive=disk").append(i);
      if (disk.serial() != null) {
        device.append(",serial=").append(disk.serial());
      }
      args.addAll(List.of("-device", device.toString()));
    }
    return args;
  }

  /** A value inside QEMU's comma-separated options: a comma is written twice. */
  static String escaped(String value) {
    return value.replace(",", ",,");
  }
}

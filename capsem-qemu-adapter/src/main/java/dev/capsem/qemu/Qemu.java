package dev.capsem.qemu;

import dev.capsem.core.ports.VirtualMachines;
import dev.capsem.docker.ProcessRunner;
import java.nio.file.Path;
import java.util.Locale;

/** The virtual-machine port on QEMU. */
public final class Qemu {

  private Qemu() {}

  /**
   * QEMU through {@code runner} (whose environment names the {@code PATH} it is found on), with KVM
   * from {@code /dev/kvm} when it can be opened.
   */
  public static VirtualMachines virtualMachines(ProcessRunner runner) {
    return new QemuVirtualMachines(runner, Path.of("/dev/kvm"), hostArch());
  }

  /** This JVM's architecture in Capsem's words: {@code x86_64} or {@code arm64}. */
  static String hostArch() {
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    return switch (arch) {
      case "amd64", "x86_64" -> "x86_64";
      case "aarch64", "arm64" -> "arm64";
      default -> arch;
    };
  }
}

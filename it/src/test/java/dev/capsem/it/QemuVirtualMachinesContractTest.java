package dev.capsem.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.internal.image.Initramfs;
import dev.capsem.core.ports.VirtualMachineException;
import dev.capsem.core.ports.VirtualMachines;
import dev.capsem.core.testing.VirtualMachinesContract;
import dev.capsem.docker.ProcessRunner;
import dev.capsem.qemu.Qemu;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The virtual-machine contract against real QEMU: the kit's own x86_64 kernel (the shared kit
 * image's) with an initrd of that image's busybox and the contract's init. Under TCG here; KVM
 * where {@code /dev/kvm} works.
 */
@ExtendWith(KitImage.Provider.class)
class QemuVirtualMachinesContractTest extends VirtualMachinesContract {

  private static KitImage image;
  private static VirtualMachines qemu;

  @BeforeAll
  static void imageAndQemu(KitImage kitImage) throws Exception {
    image = kitImage;
    qemu = Qemu.virtualMachines(new ProcessRunner(System.getenv()));
    try {
      qemu.probe("x86_64");
    } catch (VirtualMachineException e) {
      KitImage.requireOrSkip(e.getMessage() + " (" + e.fix() + ")");
    }
  }

  @Override
  protected VirtualMachines machines() {
    return qemu;
  }

  @Override
  protected Path kernel() {
    return image.arch().resolve("vmlinuz");
  }

  @Override
  protected Path initrd() {
    try {
      Path initrd = temp.resolve("contract-initrd.img");
      if (!Files.exists(initrd)) {
        byte[] busybox = Initrds.file(image.arch().resolve("initrd.img"), "bin/busybox");
        Files.write(
            initrd,
            Initramfs.capsem(busybox, CONTRACT_INIT.getBytes(StandardCharsets.UTF_8), 1776729600L));
      }
      return initrd;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** No process is left whose command line names the VM's console file (QEMU's -serial). */
  @Override
  protected void assertNothingLeftRunning(Path consoleLog) {
    List<String> left = new ArrayList<>();
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      for (Path process : processes.toList()) {
        if (!process.getFileName().toString().matches("\\d+")) {
          continue;
        }
        try {
          String commandLine =
              new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8)
                  .replace('\0', ' ');
          if (commandLine.contains(consoleLog.toString())) {
            left.add(process.getFileName() + ": " + commandLine);
          }
        } catch (IOException gone) {
          // The process ended while being listed.
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(left).isEmpty();
  }
}

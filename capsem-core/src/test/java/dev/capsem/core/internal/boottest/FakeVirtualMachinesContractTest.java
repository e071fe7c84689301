package dev.capsem.core.internal.boottest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.ports.VirtualMachines;
import dev.capsem.core.testing.FakeVirtualMachines;
import dev.capsem.core.testing.VirtualMachinesContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The virtual-machine contract against the fake (the real adapter's run is in the it module). */
class FakeVirtualMachinesContractTest extends VirtualMachinesContract {

  private final FakeVirtualMachines fake = FakeVirtualMachines.contractGuest();

  @Override
  protected VirtualMachines machines() {
    return fake;
  }

  @Override
  protected Path kernel() {
    return file("vmlinuz");
  }

  @Override
  protected Path initrd() {
    return file("initrd.img");
  }

  @Override
  protected void assertNothingLeftRunning(Path consoleLog) {
    assertThat(fake.running()).isZero();
  }

  private Path file(String name) {
    try {
      Path file = temp.resolve(name);
      if (!Files.exists(file)) {
        Files.writeString(file, "fake " + name + "\n");
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

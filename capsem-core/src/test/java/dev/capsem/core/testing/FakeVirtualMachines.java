package dev.capsem.core.testing;

import dev.capsem.core.ports.VirtualMachineException;
import dev.capsem.core.ports.VirtualMachines;
import dev.capsem.core.ports.VmRun;
import dev.capsem.core.ports.VmSpec;
import dev.capsem.core.ports.VmSpec.Accelerator;
import dev.capsem.core.ports.VmSpec.VmDisk;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A virtual-machine monitor for tests of the boot logic: no VM runs; a scripted {@link Guest} reads
 * and writes the disk files and says what the console showed. {@link #contractGuest()} plays the
 * guest of {@link VirtualMachinesContract}, so that the fake passes the contract the real adapter
 * passes.
 */
public final class FakeVirtualMachines implements VirtualMachines {

  /** What a scripted guest did: its console, and whether it hung until the timeout. */
  public record Boot(String console, boolean hung) {}

  /** A scripted guest. */
  @FunctionalInterface
  public interface Guest {
    Boot run(VmSpec spec) throws IOException;
  }

  private final Guest guest;
  private final boolean installed;
  private final List<VmSpec> boots = new ArrayList<>();
  private int running;

  private FakeVirtualMachines(Guest guest, boolean installed) {
    this.guest = guest;
    this.installed = installed;
  }

  /** A VMM whose guest is {@code guest}. */
  public static FakeVirtualMachines with(Guest guest) {
    return new FakeVirtualMachines(guest, true);
  }

  /**
   * A guest whose checks report {@code junitXml}: it writes them as its result tar onto the last
   * disk (the result disk of the boot test), as capsem-init does, and powers off.
   */
  public static FakeVirtualMachines reporting(String junitXml) {
    return with(
        spec -> {
          byte[] tar = new TarStream().add(TarStream.file("pytest-junit.xml", junitXml)).bytes();
          Path result = spec.disks().get(spec.disks().size() - 1).file();
          try (RandomAccessFile disk = new RandomAccessFile(result.toFile(), "rw")) {
            disk.write(tar);
          }
          return new Boot("capsem-init: running the diagnostics (capsem-doctor)\n", false);
        });
  }

  /**
   * JUnit XML as the kit's diagnostics write it: {@code tools/bash} passed, and each of {@code
   * missingTools} failed as a tool whose version command is not found.
   */
  public static String junit(String... missingTools) {
    StringBuilder cases = new StringBuilder("<testcase classname=\"tools\" name=\"bash\"/>");
    for (String tool : missingTools) {
      cases
          .append("<testcase classname=\"tools\" name=\"")
          .append(tool)
          .append("\"><failure message=\"'")
          .append(tool)
          .append(" --version' failed (status 127)\">not found</failure></testcase>");
    }
    return "<?xml version=\"1.0\"?><testsuite name=\"capsem-doctor\" tests=\""
        + (1 + missingTools.length)
        + "\" failures=\""
        + missingTools.length
        + "\" errors=\"0\" skipped=\"0\">"
        + cases
        + "</testsuite>\n";
  }

  /** A host without any VMM. */
  public static FakeVirtualMachines notInstalled() {
    return new FakeVirtualMachines(spec -> new Boot("", false), false);
  }

  /** The guest of {@link VirtualMachinesContract#CONTRACT_INIT}, played in Java. */
  public static FakeVirtualMachines contractGuest() {
    return with(FakeVirtualMachines::contract);
  }

  /** Every VM asked for, in order. */
  public List<VmSpec> boots() {
    return List.copyOf(boots);
  }

  /** VMs started and not yet ended (always 0 between calls). */
  public int running() {
    return running;
  }

  @Override
  public String probe(String arch) throws VirtualMachineException {
    if (!installed) {
      throw notInstalledError(arch);
    }
    return "fake VMM for " + arch;
  }

  @Override
  public VmRun boot(VmSpec spec) throws VirtualMachineException {
    if (!installed) {
      throw notInstalledError(spec.arch());
    }
    List<String> missing = new ArrayList<>();
    for (Path file : List.of(spec.kernel(), spec.initrd())) {
      if (!Files.isRegularFile(file)) {
        missing.add(file.toString());
      }
    }
    spec.disks().stream()
        .filter(disk -> !Files.isRegularFile(disk.file()))
        .forEach(disk -> missing.add(disk.file().toString()));
    if (!missing.isEmpty()) {
      throw new VirtualMachineException(
          VirtualMachineException.Kind.FAILED,
          "the VM's files are missing: " + String.join(", ", missing),
          "",
          "");
    }
    boots.add(spec);
    running++;
    try {
      Boot boot = guest.run(spec);
      Files.writeString(spec.consoleLog(), boot.console(), StandardCharsets.UTF_8);
      Accelerator used = spec.accelerator() == Accelerator.KVM ? Accelerator.KVM : Accelerator.TCG;
      String note = spec.accelerator() == Accelerator.AUTO ? "the fake has no KVM" : "";
      return new VmRun(
          used,
          note,
          boot.hung() ? null : 0,
          boot.hung(),
          boot.hung() ? spec.timeout() : Duration.ofMillis(1500),
          spec.consoleLog());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      running--;
    }
  }

  private static VirtualMachineException notInstalledError(String arch) {
    String executable = arch.equals("arm64") ? "qemu-system-aarch64" : "qemu-system-x86_64";
    return new VirtualMachineException(
        VirtualMachineException.Kind.NOT_INSTALLED,
        executable + " not found on PATH",
        "sudo apt-get install " + (arch.equals("arm64") ? "qemu-system-arm" : "qemu-system-x86"),
        "");
  }

  private static Boot contract(VmSpec spec) throws IOException {
    StringBuilder console = new StringBuilder("contract: hello\n");
    String mode = "";
    for (String word : spec.commandLine().split(" ")) {
      if (word.startsWith("contract=")) {
        mode = word.substring("contract=".length());
      }
    }
    switch (mode) {
      case "stop" -> {
        return new Boot(console.toString(), false);
      }
      case "exit" -> {
        console.append("Kernel panic - not syncing: Attempted to kill init! exitcode=0x00000300\n");
        return new Boot(console.toString(), false);
      }
      case "disks" -> {
        for (int i = 0; i < spec.disks().size(); i++) {
          VmDisk disk = spec.disks().get(i);
          console.append("contract: vd").append((char) ('a' + i)).append(" serial=");
          console.append(disk.serial() == null ? "" : disk.serial()).append('\n');
        }
        VmDisk in = spec.disks().get(0);
        console.append(in.readOnly() ? "contract: vda read-only\n" : "contract: vda writable\n");
        byte[] first = new byte[512];
        try (RandomAccessFile file = new RandomAccessFile(in.file().toFile(), "r")) {
          file.readFully(first);
        }
        VmDisk out = spec.disks().get(1);
        if (!out.readOnly()) {
          try (RandomAccessFile file = new RandomAccessFile(out.file().toFile(), "rw")) {
            file.write(first);
          }
          console.append("contract: copied\n");
        }
        return new Boot(console.toString(), false);
      }
      default -> {
        return new Boot(console.toString(), true);
      }
    }
  }
}

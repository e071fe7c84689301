package dev.capsem.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capsem.core.ports.VirtualMachineException;
import dev.capsem.core.ports.VmRun;
import dev.capsem.core.ports.VmSpec;
import dev.capsem.core.ports.VmSpec.Accelerator;
import dev.capsem.core.ports.VmSpec.VmDisk;
import dev.capsem.docker.ProcessRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adapter's decisions with stand-in {@code qemu-system-x86_64} scripts on a PATH of their own:
 * real processes through the real {@link ProcessRunner}, without a VM (the real QEMU runs the
 * contract in the it module). The scripts record each invocation and write the console file QEMU
 * would write.
 */
class QemuVirtualMachinesTest {

  @TempDir Path temp;

  private Path bin;
  private Path kvm;
  private Path invocations;

  @BeforeEach
  void dirs() throws Exception {
    bin = Files.createDirectories(temp.resolve("bin"));
    kvm = Files.writeString(temp.resolve("kvm"), "");
    invocations = temp.resolve("invocations.txt");
    for (String file : List.of("vmlinuz", "initrd.img", "disk.img")) {
      Files.writeString(temp.resolve(file), file);
    }
  }

  /** A stand-in QEMU: records its arguments, finds the console file, then runs {@code body}. */
  private void qemu(String body) throws Exception {
    Path script = bin.resolve("qemu-system-x86_64");
    Files.writeString(
        script,
        "#!/bin/sh\n"
            + "echo \"$*\" >> "
            + invocations
            + "\n"
            + "console=\n"
            + "previous=\n"
            + "for arg in \"$@\"; do\n"
            + "  [ \"$previous\" = -serial ] && console=${arg#file:}\n"
            + "  previous=$arg\n"
            + "done\n"
            + body,
        StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /** The adapter with the stand-in first on its PATH (before a real QEMU the machine may have). */
  private QemuVirtualMachines machines(Path kvmDevice) {
    return machines(kvmDevice, bin + ":/usr/bin:/bin");
  }

  private static QemuVirtualMachines machines(Path kvmDevice, String path) {
    return new QemuVirtualMachines(new ProcessRunner(Map.of("PATH", path)), kvmDevice, "x86_64");
  }

  private VmSpec spec(Accelerator accelerator, Duration timeout) {
    return new VmSpec(
        "x86_64",
        temp.resolve("vmlinuz"),
        temp.resolve("initrd.img"),
        List.of(new VmDisk(temp.resolve("disk.img"), true, "capsem-rootfs")),
        "panic=-1",
        256,
        1,
        accelerator,
        temp.resolve("out/console.log"),
        timeout);
  }

  private List<String> invocations() throws Exception {
    return Files.exists(invocations) ? Files.readAllLines(invocations) : List.of();
  }

  @Test
  void probe_qemuAnswers_isItsFirstLine() throws Exception {
    qemu("echo 'QEMU emulator version 7.2.99 (Debian)'\necho 'Copyright (c) 2003-2022'\n");

    assertThat(machines(kvm).probe("x86_64")).isEqualTo("QEMU emulator version 7.2.99 (Debian)");
  }

  @Test
  void probe_noQemuOnPath_isNotInstalledWithTheAptFix() {
    assertThatThrownBy(() -> machines(kvm, bin.toString()).probe("x86_64"))
        .isInstanceOf(VirtualMachineException.class)
        .hasMessage("qemu-system-x86_64 not found on PATH")
        .satisfies(
            e -> {
              VirtualMachineException vm = (VirtualMachineException) e;
              assertThat(vm.kind()).isEqualTo(VirtualMachineException.Kind.NOT_INSTALLED);
              assertThat(vm.fix()).isEqualTo("sudo apt-get install qemu-system-x86");
            });
  }

  @Test
  void boot_autoWithWorkingKvmDevice_runsKvm() throws Exception {
    qemu("echo 'guest up' > \"$console\"\nexit 0\n");

    VmRun run = machines(kvm).boot(spec(Accelerator.AUTO, Duration.ofSeconds(30)));

    assertThat(run.accelerator()).isEqualTo(Accelerator.KVM);
    assertThat(run.acceleratorNote()).isEmpty();
    assertThat(invocations()).singleElement().asString().contains("-accel kvm -cpu host");
    assertThat(run.consoleLog()).hasContent("guest up");
  }

  /** This machine's kind of failure: KVM is there, but QEMU aborts on a model-specific register. */
  @Test
  void boot_autoAndKvmAborts_runsAgainUnderTcgAndSaysWhy() throws Exception {
    qemu(
        "case \"$*\" in *'-accel kvm'*)\n"
            + "  echo 'qemu-system-x86_64: error: failed to set MSR 0x48b to 0x1' >&2\n"
            + "  exit 134 ;;\n"
            + "esac\n"
            + "echo 'guest up under tcg' > \"$console\"\n");

    VmRun run = machines(kvm).boot(spec(Accelerator.AUTO, Duration.ofSeconds(30)));

    assertThat(run.accelerator()).isEqualTo(Accelerator.TCG);
    assertThat(run.acceleratorNote())
        .isEqualTo(
            "KVM failed (qemu-system-x86_64: error: failed to set MSR 0x48b to 0x1); ran under TCG");
    assertThat(run.exitCode()).isZero();
    assertThat(invocations()).hasSize(2);
    assertThat(invocations().get(1)).contains("-accel tcg,thread=multi -cpu max");
    assertThat(run.consoleLog()).hasContent("guest up under tcg");
  }

  @Test
  void boot_autoWithoutKvmDevice_runsTcgAndSaysWhy() throws Exception {
    qemu("exit 0\n");

    VmRun run =
        machines(temp.resolve("no-kvm")).boot(spec(Accelerator.AUTO, Duration.ofSeconds(30)));

    assertThat(run.accelerator()).isEqualTo(Accelerator.TCG);
    assertThat(run.acceleratorNote()).isEqualTo(temp.resolve("no-kvm") + " does not exist");
    assertThat(invocations()).singleElement().asString().contains("-accel tcg");
  }

  @Test
  void boot_kvmAskedWithoutDevice_failsWithoutRunning() throws Exception {
    qemu("exit 0\n");

    assertThatThrownBy(
            () ->
                machines(temp.resolve("no-kvm"))
                    .boot(spec(Accelerator.KVM, Duration.ofSeconds(30))))
        .isInstanceOf(VirtualMachineException.class)
        .hasMessageContaining("KVM was asked for, but");
    assertThat(invocations()).isEmpty();
  }

  @Test
  void boot_hangingVmm_isKilledWithWhatItStartedAtTheTimeout() throws Exception {
    Path pid = temp.resolve("child.pid");
    qemu("sleep 300 &\necho $! > " + pid + "\nwait\n");

    VmRun run = machines(temp.resolve("no-kvm")).boot(spec(Accelerator.TCG, Duration.ofSeconds(3)));

    assertThat(run.timedOut()).isTrue();
    assertThat(run.exitCode()).isNull();
    assertThat(run.elapsed()).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
    long child = Long.parseLong(Files.readString(pid).strip());
    assertThat(stopsRunning(child)).as("the VMM's child process %d ends", child).isTrue();
  }

  /**
   * Whether {@code pid} is gone, or a zombie waiting for its new parent to reap it (killed, but
   * still listed), within five seconds.
   */
  private static boolean stopsRunning(long pid) throws Exception {
    for (int i = 0; i < 50; i++) {
      Path stat = Path.of("/proc", Long.toString(pid), "stat");
      if (!Files.exists(stat)) {
        return true;
      }
      String text = Files.readString(stat);
      if (text.substring(text.lastIndexOf(')') + 2).startsWith("Z")) {
        return true;
      }
      Thread.sleep(100);
    }
    return false;
  }

  @Test
  void boot_vmmError_isFailedWithItsMessage() throws Exception {
    qemu(
        "echo \"qemu-system-x86_64: -drive file=x: Could not open 'x': Permission denied\" >&2\n"
            + "exit 1\n");

    assertThatThrownBy(
            () ->
                machines(temp.resolve("no-kvm"))
                    .boot(spec(Accelerator.TCG, Duration.ofSeconds(30))))
        .isInstanceOf(VirtualMachineException.class)
        .hasMessage("'qemu-system-x86_64' exited 1 before the guest ran")
        .satisfies(
            e ->
                assertThat(((VirtualMachineException) e).stderrTail())
                    .contains("Could not open 'x': Permission denied"));
  }

  @Test
  void boot_missingDisk_failsBeforeQemuStarts() throws Exception {
    qemu("exit 0\n");
    Files.delete(temp.resolve("disk.img"));

    assertThatThrownBy(() -> machines(kvm).boot(spec(Accelerator.AUTO, Duration.ofSeconds(30))))
        .isInstanceOf(VirtualMachineException.class)
        .hasMessage("the VM's files are missing: " + temp.resolve("disk.img"));
    assertThat(invocations()).isEmpty();
  }
}

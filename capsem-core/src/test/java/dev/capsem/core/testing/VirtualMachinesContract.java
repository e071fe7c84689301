package dev.capsem.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capsem.core.ports.VirtualMachineException;
import dev.capsem.core.ports.VirtualMachines;
import dev.capsem.core.ports.VmRun;
import dev.capsem.core.ports.VmSpec;
import dev.capsem.core.ports.VmSpec.Accelerator;
import dev.capsem.core.ports.VmSpec.VmDisk;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link VirtualMachines} must do for the boot test, run against the fake and the real
 * adapter alike (STYLE rule 11): boot a kernel and initrd headless, capture the serial console,
 * attach raw disks in order with their serials and read-only where asked, end when the guest powers
 * off or panics, and kill a guest that hangs at the timeout, leaving nothing running.
 *
 * <p>The guest is {@link #CONTRACT_INIT} as PID 1 of an initrd with static busybox: what it does is
 * chosen on the kernel command line ({@code contract=stop|exit|disks|hang}).
 */
public abstract class VirtualMachinesContract {

  /** The contract guest's init (busybox sh): a real adapter's test packs it into an initrd. */
  public static final String CONTRACT_INIT =
      """
      #!/bin/sh
      /bin/busybox mount -t proc proc /proc
      /bin/busybox mount -t sysfs sysfs /sys
      /bin/busybox mount -t devtmpfs devtmpfs /dev
      echo "contract: hello"
      mode=
      for word in $(/bin/busybox cat /proc/cmdline); do
        case "$word" in contract=*) mode=${word#contract=} ;; esac
      done
      case "$mode" in
        stop) /bin/busybox reboot -f ;;
        exit) exit 3 ;;
        disks)
          for block in /sys/block/vd*; do
            echo "contract: ${block##*/} serial=$(/bin/busybox cat "$block/serial")"
          done
          if /bin/busybox dd if=/dev/zero of=/dev/vda bs=512 count=1 conv=fsync 2>/dev/null; then
            echo "contract: vda writable"
          else
            echo "contract: vda read-only"
          fi
          /bin/busybox dd if=/dev/vda of=/dev/vdb bs=512 count=1 conv=fsync 2>/dev/null \\
            && echo "contract: copied"
          /bin/busybox reboot -f ;;
      esac
      while :; do /bin/busybox sleep 60; done
      """;

  @TempDir protected Path temp;

  /** The VMM under test. */
  protected abstract VirtualMachines machines();

  /** A kernel with virtio block, a serial console and power-off, for {@link #arch()}. */
  protected abstract Path kernel();

  /** An initrd whose {@code /init} is {@link #CONTRACT_INIT}. */
  protected abstract Path initrd();

  /** Fails when a VM this contract started is still running (the real one: a QEMU process). */
  protected abstract void assertNothingLeftRunning(Path consoleLog);

  /** The guest's architecture. */
  protected String arch() {
    return "x86_64";
  }

  /** How long a guest may take to boot and power off here (emulation on slow hosts). */
  protected Duration bootTimeout() {
    return Duration.ofMinutes(2);
  }

  private VmSpec spec(String mode, List<VmDisk> disks, Duration timeout, Accelerator accelerator) {
    return new VmSpec(
        arch(),
        kernel(),
        initrd(),
        disks,
        "panic=-1 contract=" + mode,
        256,
        1,
        accelerator,
        temp.resolve("console-" + mode + ".log"),
        timeout);
  }

  private static String console(VmRun run) throws IOException {
    return Files.readString(run.consoleLog(), StandardCharsets.ISO_8859_1);
  }

  @Test
  void probe_installedVmm_describesItself() throws Exception {
    assertThat(machines().probe(arch())).isNotBlank();
  }

  @Test
  void boot_guestStops_endsByItselfWithItsConsole() throws Exception {
    VmRun run = machines().boot(spec("stop", List.of(), bootTimeout(), Accelerator.AUTO));

    assertThat(run.timedOut()).isFalse();
    assertThat(run.exitCode()).isZero();
    assertThat(run.accelerator()).isIn(Accelerator.KVM, Accelerator.TCG);
    assertThat(console(run)).contains("contract: hello");
    assertNothingLeftRunning(run.consoleLog());
  }

  @Test
  void boot_tcgAskedFor_runsUnderTcg() throws Exception {
    VmRun run = machines().boot(spec("stop", List.of(), bootTimeout(), Accelerator.TCG));

    assertThat(run.accelerator()).isEqualTo(Accelerator.TCG);
    assertThat(run.acceleratorNote()).isEmpty();
  }

  @Test
  void boot_disks_attachInOrderWithSerialsAndReadOnlyWhereAsked() throws Exception {
    byte[] pattern = new byte[512];
    new Random(20261205L).nextBytes(pattern);
    Path in = temp.resolve("in.img");
    Files.write(in, java.util.Arrays.copyOf(pattern, 1 << 20));
    Path out = temp.resolve("out.img");
    try (RandomAccessFile file = new RandomAccessFile(out.toFile(), "rw")) {
      file.setLength(1 << 20);
    }

    VmRun run =
        machines()
            .boot(
                spec(
                    "disks",
                    List.of(
                        new VmDisk(in, true, "contract-in"),
                        new VmDisk(out, false, "contract-out")),
                    bootTimeout(),
                    Accelerator.AUTO));

    assertThat(run.timedOut()).isFalse();
    assertThat(console(run))
        .contains("contract: vda serial=contract-in")
        .contains("contract: vdb serial=contract-out")
        .contains("contract: vda read-only")
        .contains("contract: copied");
    assertThat(java.util.Arrays.copyOf(Files.readAllBytes(out), 512)).isEqualTo(pattern);
    assertThat(java.util.Arrays.copyOf(Files.readAllBytes(in), 512)).isEqualTo(pattern);
  }

  @Test
  void boot_initExits_consoleHoldsTheKernelPanicAndTheVmEnds() throws Exception {
    VmRun run = machines().boot(spec("exit", List.of(), bootTimeout(), Accelerator.AUTO));

    assertThat(run.timedOut()).isFalse();
    assertThat(console(run))
        .contains("Kernel panic - not syncing: Attempted to kill init! exitcode=0x00000300");
    assertNothingLeftRunning(run.consoleLog());
  }

  @Test
  void boot_hungGuest_isKilledAtTheTimeout() throws Exception {
    // Long enough for the guest's greeting (under two seconds under TCG), short enough to keep
    // the suite quick: the guest never stops, so the test always waits the whole timeout.
    Duration timeout = min(bootTimeout().dividedBy(2), Duration.ofSeconds(15));

    VmRun run = machines().boot(spec("hang", List.of(), timeout, Accelerator.AUTO));

    assertThat(run.timedOut()).isTrue();
    assertThat(run.exitCode()).isNull();
    assertThat(run.elapsed()).isGreaterThanOrEqualTo(timeout);
    assertThat(console(run)).contains("contract: hello");
    assertNothingLeftRunning(run.consoleLog());
  }

  @Test
  void boot_missingKernel_failsBeforeAnyVmRuns() {
    VmSpec spec =
        new VmSpec(
            arch(),
            temp.resolve("no-such-kernel"),
            initrd(),
            List.of(),
            "contract=stop",
            256,
            1,
            Accelerator.AUTO,
            temp.resolve("console-missing.log"),
            bootTimeout());

    assertThatThrownBy(() -> machines().boot(spec))
        .isInstanceOf(VirtualMachineException.class)
        .hasMessageContaining("no-such-kernel")
        .extracting(e -> ((VirtualMachineException) e).kind())
        .isEqualTo(VirtualMachineException.Kind.FAILED);
    assertThat(temp.resolve("console-missing.log")).doesNotExist();
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}

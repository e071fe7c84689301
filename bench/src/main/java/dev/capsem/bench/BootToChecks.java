package dev.capsem.bench;

import dev.capsem.core.internal.boottest.ArchResult;
import dev.capsem.core.internal.boottest.BootTest;
import dev.capsem.core.internal.boottest.BootTestRequest;
import dev.capsem.core.internal.boottest.BootTestResult;
import dev.capsem.core.internal.image.GuestBinaries;
import dev.capsem.core.internal.image.Initramfs;
import dev.capsem.core.internal.profile.ProfileCheck;
import dev.capsem.core.internal.profile.ProfileReader;
import dev.capsem.core.ports.BuildProgress;
import dev.capsem.core.ports.VirtualMachines;
import dev.capsem.core.ports.VmRun;
import dev.capsem.core.ports.VmSpec;
import dev.capsem.docker.ProcessRunner;
import dev.capsem.qemu.Qemu;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Boot-to-checks-done of a built x86_64 image under QEMU, against a yardstick measured in the same
 * run on the same machine: the same kernel booted with an initrd that powers off at once (the floor
 * any boot test pays: VMM start, firmware, kernel boot, power-off). Prints every repetition, the
 * medians and their ratio.
 *
 * <p>Usage: {@code BootToChecks ASSETS_DIR PROFILE [REPS] [tcg|auto] [agents|no-agents]};
 * ASSETS_DIR holds {@code x86_64/vmlinuz}, {@code initrd.img}, {@code rootfs.squashfs}.
 */
public final class BootToChecks {

  private BootToChecks() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println(
          "usage: BootToChecks ASSETS_DIR PROFILE [REPS] [tcg|auto] [agents|no-agents]");
      System.exit(2);
    }
    Path assets = Path.of(args[0]);
    Path profileFile = Path.of(args[1]);
    int reps = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    VmSpec.Accelerator accelerator =
        args.length > 3 && args[3].equals("auto")
            ? VmSpec.Accelerator.AUTO
            : VmSpec.Accelerator.TCG;
    // An image built without the guest agents (the example's) boots without expecting them.
    boolean agents = !(args.length > 4 && args[4].equals("no-agents"));
    ProfileCheck check = ProfileReader.read(profileFile, profileFile.toString());
    if (check.profile() == null) {
      System.err.println("invalid profile " + profileFile + ": " + check.diagnostics());
      System.exit(1);
    }
    VirtualMachines qemu = Qemu.virtualMachines(new ProcessRunner(System.getenv()));
    System.out.println("vmm: " + qemu.probe("x86_64") + "; accelerator wished: " + accelerator);
    Path work = Files.createTempDirectory("capsem-boot-bench");
    Path yardstickInitrd = work.resolve("poweroff-initrd.img");
    Files.write(
        yardstickInitrd,
        Initramfs.capsem(
            busybox(assets.resolve("x86_64/initrd.img")),
            ("#!/bin/sh\n/bin/busybox mount -t proc proc /proc\necho 'yardstick: up'\n"
                    + "/bin/busybox reboot -f\n")
                .getBytes(StandardCharsets.UTF_8),
            0L));

    List<Double> yardstick = new ArrayList<>();
    List<Double> full = new ArrayList<>();
    List<Double> inGuest = new ArrayList<>();
    for (int rep = 1; rep <= reps; rep++) {
      VmRun bare =
          qemu.boot(
              new VmSpec(
                  "x86_64",
                  assets.resolve("x86_64/vmlinuz"),
                  yardstickInitrd,
                  List.of(),
                  "panic=-1",
                  2048,
                  2,
                  accelerator,
                  work.resolve("yardstick.log"),
                  Duration.ofMinutes(5)));
      if (bare.timedOut() || !Files.readString(bare.consoleLog()).contains("yardstick: up")) {
        throw new IllegalStateException("the yardstick boot did not reach its init");
      }
      BootTestResult result =
          new BootTest(qemu, BuildProgress.silent())
              .run(
                  BootTestRequest.of(check.profile(), assets, assets.toString(), List.of("x86_64"))
                      .withAgents(agents ? GuestBinaries.NAMES : List.of())
                      .withAccelerator(accelerator)
                      .withWorkDir(work.resolve("boot")));
      if (!result.ok()) {
        result.diagnostics().forEach(d -> System.err.println(d.code() + " " + d.message()));
        throw new IllegalStateException("the boot test failed; no figure");
      }
      ArchResult arch = result.arches().get(0);
      double bareSeconds = bare.elapsed().toMillis() / 1000.0;
      yardstick.add(bareSeconds);
      full.add(arch.bootSeconds());
      inGuest.add(arch.checksDoneSeconds());
      System.out.printf(
          Locale.ROOT,
          "rep %d: yardstick (boot to init, power off) %.1f s | boot to checks done %.1f s VM wall"
              + " time, %.1f s guest uptime, %d checks passed, %s (%s)%n",
          rep,
          bareSeconds,
          arch.bootSeconds(),
          arch.checksDoneSeconds(),
          arch.passed(),
          arch.accelerator(),
          arch.acceleratorNote());
    }
    double medianFull = median(full);
    double medianYardstick = median(yardstick);
    System.out.printf(
        Locale.ROOT,
        "median over %d: boot to checks done %.1f s (guest uptime %.1f s); yardstick %.1f s;"
            + " ratio %.2f; load average %s%n",
        reps,
        medianFull,
        median(inGuest),
        medianYardstick,
        medianFull / medianYardstick,
        Files.readString(Path.of("/proc/loadavg")).strip());
  }

  private static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** The static busybox of a built initrd (gzip'd newc cpio). */
  private static byte[] busybox(Path initrd) throws IOException {
    byte[] cpio =
        new GZIPInputStream(new ByteArrayInputStream(Files.readAllBytes(initrd))).readAllBytes();
    int at = 0;
    while (at + 110 <= cpio.length) {
      String header = new String(cpio, at, 110, StandardCharsets.US_ASCII);
      int size = Integer.parseInt(header.substring(54, 62), 16);
      int nameSize = Integer.parseInt(header.substring(94, 102), 16);
      String name = new String(cpio, at + 110, nameSize - 1, StandardCharsets.UTF_8);
      int data = (at + 110 + nameSize + 3) & ~3;
      if (name.equals("bin/busybox")) {
        return Arrays.copyOfRange(cpio, data, data + size);
      }
      if (name.equals("TRAILER!!!")) {
        break;
      }
      at = (data + size + 3) & ~3;
    }
    throw new IOException("no bin/busybox in " + initrd);
  }
}

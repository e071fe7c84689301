package dev.capsem.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.boottest.ArchResult;
import dev.capsem.core.internal.boottest.BootTest;
import dev.capsem.core.internal.boottest.BootTestRequest;
import dev.capsem.core.internal.boottest.BootTestResult;
import dev.capsem.core.internal.image.Initramfs;
import dev.capsem.core.internal.image.verify.DoctorBundleProbe;
import dev.capsem.core.internal.image.verify.DoctorBundleReader;
import dev.capsem.core.internal.profile.Profile;
import dev.capsem.core.internal.profile.ProfileCheck;
import dev.capsem.core.internal.profile.ProfileReader;
import dev.capsem.core.ports.BuildProgress;
import dev.capsem.core.ports.VirtualMachineException;
import dev.capsem.core.ports.VirtualMachines;
import dev.capsem.core.ports.VmRun;
import dev.capsem.core.ports.VmSpec;
import dev.capsem.docker.ProcessRunner;
import dev.capsem.qemu.Qemu;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The boot proof for real: the kit image (built by our own build, {@link KitImage}) booted under
 * QEMU with TCG, its checks run inside, and three broken images made here that must fail with their
 * codes: a kernel without squashfs support, an initrd whose init exits, a rootfs missing a required
 * tool.
 */
@ExtendWith(KitImage.Provider.class)
class BootTestRealTest {

  private static KitImage image;
  private static VirtualMachines qemu;

  @TempDir Path temp;

  @BeforeAll
  static void imageAndQemu(KitImage kitImage) throws Exception {
    image = kitImage;
    qemu = Qemu.virtualMachines(new ProcessRunner(System.getenv()));
    try {
      System.out.println("boot test: " + qemu.probe("x86_64"));
    } catch (VirtualMachineException e) {
      KitImage.requireOrSkip(e.getMessage() + " (" + e.fix() + ")");
    }
  }

  private static Profile profile(String text) throws Exception {
    Path file = Files.createTempFile("kit-boot", ".profile.toml");
    try {
      Files.writeString(file, text);
      ProfileCheck check = ProfileReader.read(file, "kit-boot.profile.toml");
      assertThat(check.diagnostics()).filteredOn(Diagnostic::isError).isEmpty();
      return check.profile();
    } finally {
      Files.delete(file);
    }
  }

  private static String profileText() throws Exception {
    return Files.readString(image.profile());
  }

  private BootTestResult boot(VirtualMachines machines, Profile profile, Path assets) {
    BootTestRequest request =
        BootTestRequest.of(profile, assets, assets.toString(), List.of("x86_64"))
            .withAccelerator(VmSpec.Accelerator.TCG)
            .withCaCertificate(image.ca())
            .withWorkDir(temp.resolve("work"));
    BootTestResult result = new BootTest(machines, BuildProgress.silent()).run(request);
    result.summary().forEach(System.out::println);
    result.diagnostics().forEach(d -> System.out.println(d.code() + " " + d.message()));
    return result;
  }

  /** A copy of the kit image's assets whose {@code name} is replaced by {@code bytes}. */
  private Path assetsWith(String name, byte[] bytes) throws Exception {
    Path assets = temp.resolve("assets");
    Path arch = Files.createDirectories(assets.resolve("x86_64"));
    for (String file : List.of("vmlinuz", "initrd.img", "rootfs.squashfs")) {
      Files.createSymbolicLink(arch.resolve(file), image.arch().resolve(file));
    }
    if (name != null) {
      Files.delete(arch.resolve(name));
      Files.write(arch.resolve(name), bytes);
    }
    return assets;
  }

  @Test
  void boot_kitImageUnderTcg_passesEveryCheckAndLeavesADoctorBundle() throws Exception {
    Path assets = assetsWith(null, null);

    BootTestResult result = boot(qemu, profile(profileText()), assets);

    assertThat(result.diagnostics()).filteredOn(Diagnostic::isError).isEmpty();
    assertThat(result.ok()).isTrue();
    ArchResult arch = result.arches().get(0);
    assertThat(arch.accelerator()).isEqualTo("tcg");
    assertThat(arch.failed()).isZero();
    assertThat(arch.passed()).isGreaterThanOrEqualTo(30);
    DoctorBundleProbe probe =
        DoctorBundleReader.read(assets.resolve("x86_64/doctor-bundle.tar"), "doctor-bundle.tar");
    assertThat(probe.ok()).isTrue();
    assertThat(probe.tests()).isEqualTo(arch.tests());
    String console =
        Files.readString(assets.resolve("x86_64/boot-console.log"), StandardCharsets.ISO_8859_1);
    assertThat(console)
        .contains("capsem-init: running the diagnostics")
        .contains("RESULT: PASS -- all diagnostics passed");
    // The console shows the summary; each check's name and outcome is in the bundle's JUnit XML
    // (an uncompressed tar, so its text is readable as it lies).
    String bundle =
        Files.readString(assets.resolve("x86_64/doctor-bundle.tar"), StandardCharsets.ISO_8859_1);
    assertThat(bundle)
        .contains("<testcase classname=\"packages.apt\" name=\"coreutils\"")
        .contains("<testcase classname=\"tools\" name=\"capsem_doctor\"")
        .contains("<testcase classname=\"network\" name=\"redirect-tcp-443\"")
        .contains("<testcase classname=\"files\" name=\"ca-expected\"");
    System.out.printf(
        "boot test: x86_64 under TCG, %.1f s VM wall time, checks done %.1f s after boot%n",
        arch.bootSeconds(), arch.checksDoneSeconds());
  }

  /** The rootfs lacks jq, which this variant of the profile requires. */
  @Test
  void boot_rootfsMissingARequiredTool_isE503NamingIt() throws Exception {
    String text =
        profileText()
            .replace(
                "[tools.bash]\n",
                "[tools.jq]\nversion = \"*\"\nrequired = true\nsource = \"guest\"\n\n[tools.bash]\n");

    BootTestResult result = boot(qemu, profile(text), assetsWith(null, null));

    assertThat(result.ok()).isFalse();
    assertThat(result.diagnostics()).extracting(Diagnostic::code).containsExactly(Code.E503);
    assertThat(result.diagnostics().get(0).message())
        .startsWith("x86_64: check tools/jq failed: 'jq --version' failed (status 127)");
    assertThat(result.arches().get(0).failedChecks()).containsExactly("tools/jq");
  }

  @Test
  void boot_initrdWhoseInitExits_isE502() throws Exception {
    byte[] busybox = Initrds.file(image.arch().resolve("initrd.img"), "bin/busybox");
    byte[] initrd =
        Initramfs.capsem(
            busybox,
            "#!/bin/sh\necho 'broken init: leaving at once'\nexit 0\n"
                .getBytes(StandardCharsets.UTF_8),
            1776729600L);

    BootTestResult result = boot(qemu, profile(profileText()), assetsWith("initrd.img", initrd));

    assertThat(result.diagnostics()).extracting(Diagnostic::code).containsExactly(Code.E502);
    assertThat(result.diagnostics().get(0).message())
        .startsWith("x86_64: the initrd's init (PID 1) exited with status 0 before the checks ran")
        .contains("broken init: leaving at once");
  }

  /**
   * The kit kernel booted with its squashfs driver's initialisation refused on the command line
   * ({@code initcall_blacklist=init_squashfs_fs}): the kernel that runs has no squashfs, as one
   * built without it (the compile of a second kernel is left out of CI); capsem-init cannot mount
   * the rootfs, says why, and the kernel panics.
   */
  @Test
  void boot_kernelWithoutSquashfs_isE501QuotingThePanic() throws Exception {
    VirtualMachines withoutSquashfs =
        new VirtualMachines() {
          @Override
          public String probe(String arch) throws VirtualMachineException {
            return qemu.probe(arch);
          }

          @Override
          public VmRun boot(VmSpec spec) throws VirtualMachineException {
            return qemu.boot(
                new VmSpec(
                    spec.arch(),
                    spec.kernel(),
                    spec.initrd(),
                    spec.disks(),
                    spec.commandLine() + " initcall_blacklist=init_squashfs_fs",
                    spec.memoryMib(),
                    spec.cpus(),
                    spec.accelerator(),
                    spec.consoleLog(),
                    spec.timeout()));
          }
        };

    BootTestResult result = boot(withoutSquashfs, profile(profileText()), assetsWith(null, null));

    assertThat(result.diagnostics()).extracting(Diagnostic::code).containsExactly(Code.E501);
    assertThat(result.diagnostics().get(0).message())
        .contains("x86_64: the kernel panicked: Attempted to kill init!")
        .contains("cannot mount the rootfs /dev/vda as squashfs")
        .contains("this kernel has no squashfs support")
        .contains("Kernel panic - not syncing");
  }

  /**
   * The same failure from a kernel really built without squashfs: the kit's defconfig with {@code
   * CONFIG_SQUASHFS} switched off, compiled by {@code bin/capsem-admin image build --template
   * kernel} (a second kernel compile: opt in with {@code CAPSEM_KERNEL_BUILD=1}).
   */
  @Test
  @EnabledIfEnvironmentVariable(named = "CAPSEM_KERNEL_BUILD", matches = "1")
  void boot_kernelBuiltWithoutSquashfs_isE501QuotingThePanic() throws Exception {
    Path guest = temp.resolve("guest");
    for (String kind : List.of("config/ai", "config/vm", "artifacts")) {
      copyTree(image.kit().resolve(kind), guest.resolve(kind));
    }
    String defconfig = Files.readString(image.kit().resolve("config/kernel/defconfig.x86_64"));
    assertThat(defconfig).contains("CONFIG_SQUASHFS=y\n");
    Files.createDirectories(guest.resolve("config/kernel"));
    Files.writeString(
        guest.resolve("config/kernel/defconfig.x86_64"),
        defconfig.replace("CONFIG_SQUASHFS=y\n", "# CONFIG_SQUASHFS is not set\n"));
    Path source = KitImage.kernelSource();
    AdminProcess.Run build =
        AdminProcess.run(
            temp,
            java.util.Map.of("SOURCE_DATE_EPOCH", KitImage.EPOCH),
            java.time.Duration.ofMinutes(90),
            "image",
            "build",
            image.profile().toString(),
            "--arch",
            "x86_64",
            "--template",
            "kernel",
            "--out",
            "no-squashfs",
            "--binary-version",
            "1.0.1776688771",
            "--guest-dir",
            guest.toString(),
            "--ca",
            image.ca().toString(),
            "--without-guest-binaries",
            "--kernel-source",
            source.toString(),
            "--kernel-sha256",
            KitImage.sha256(source));
    assertThat(build.exitCode()).as(build.stderr()).isZero();

    BootTestResult result =
        boot(
            qemu,
            profile(profileText()),
            assetsWith("vmlinuz", Files.readAllBytes(temp.resolve("no-squashfs/x86_64/vmlinuz"))));

    assertThat(result.diagnostics()).extracting(Diagnostic::code).containsExactly(Code.E501);
    assertThat(result.diagnostics().get(0).message())
        .contains("cannot mount the rootfs /dev/vda as squashfs")
        .contains("this kernel has no squashfs support")
        .contains("Kernel panic - not syncing");
  }

  private static void copyTree(Path from, Path to) throws java.io.IOException {
    try (java.util.stream.Stream<Path> walk = Files.walk(from)) {
      for (Path each : walk.toList()) {
        Path target = to.resolve(from.relativize(each).toString());
        if (Files.isDirectory(each)) {
          Files.createDirectories(target);
        } else {
          Files.copy(each, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }
}

package dev.capsem.core.internal.boottest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.image.verify.DoctorBundleProbe;
import dev.capsem.core.internal.image.verify.DoctorBundleReader;
import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.kit.GuestKit;
import dev.capsem.core.internal.profile.Profile;
import dev.capsem.core.internal.profile.ProfileCheck;
import dev.capsem.core.internal.profile.ProfileReader;
import dev.capsem.core.ports.BuildProgress;
import dev.capsem.core.ports.VmSpec;
import dev.capsem.core.testing.FakeVirtualMachines;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The boot test's logic with a fake VMM. The passing and failing guests run the kit's real
 * diagnostics on this machine (its dpkg, its tools) against the expectations the boot test wrote,
 * and hand back what they wrote as a tar made by the machine's own tar: only the VM is pretend.
 */
class BootTestTest {

  @TempDir Path temp;

  private Path assets;
  private Path diagnostics;
  private final List<String> notes = new ArrayList<>();

  @BeforeEach
  void assetsAndKit() throws Exception {
    assets = temp.resolve("assets");
    Files.createDirectories(assets.resolve("x86_64"));
    for (String name : List.of("vmlinuz", "initrd.img", "rootfs.squashfs")) {
      Files.writeString(assets.resolve("x86_64").resolve(name), "built " + name + "\n");
    }
    diagnostics =
        GuestKit.bundled()
            .materialize(temp.resolve("kit"), GuestKit.Kind.ARTIFACTS)
            .resolve("artifacts/diagnostics");
  }

  private Profile profile(String apt, String tools) throws IOException {
    String text;
    try (InputStream in = getClass().getResourceAsStream("boot-test.profile.toml")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    text = text.replace("[packages.system.apt]\n", "[packages.system.apt]\n" + apt);
    text = text.replace("[tools.capsem_doctor]\n", tools + "[tools.capsem_doctor]\n");
    text =
        text.replace(
            "[tools.capsem_doctor]\nversion = \"2026.05.20\"\nrequired = true",
            "[tools.capsem_doctor]\nversion = \"2026.05.20\"\nrequired = false");
    Path file = temp.resolve("boot-test.profile.toml");
    Files.writeString(file, text);
    ProfileCheck check = ProfileReader.read(file, "boot-test.profile.toml");
    assertThat(check.diagnostics()).filteredOn(Diagnostic::isError).isEmpty();
    return check.profile();
  }

  private BootTestResult run(FakeVirtualMachines machines, Profile profile) {
    BootTestRequest request =
        BootTestRequest.of(profile, assets, "assets", List.of("x86_64"))
            .withWorkDir(temp.resolve("work"))
            .withTimeout(Duration.ofSeconds(120));
    return new BootTest(machines, progress()).run(request);
  }

  private BuildProgress progress() {
    return new BuildProgress() {
      @Override
      public Step begin(String step) {
        return new Step() {
          @Override
          public void succeeded() {}

          @Override
          public void close() {}
        };
      }

      @Override
      public void command(List<String> commandLine) {}

      @Override
      public void note(String message) {
        notes.add(message);
      }
    };
  }

  private static String run(Path dir, String... command) throws Exception {
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    return output + "\n(exit " + process.exitValue() + ")";
  }

  /**
   * A guest that unpacks its expectations disk with tar, runs the kit's package and tool checks
   * against them, and writes its results onto the result disk as a tar, as capsem-init does.
   */
  private FakeVirtualMachines.Guest runningTheKitsChecks(List<Path> expectationsSeen) {
    return spec -> {
      try {
        Path guest = Files.createDirectories(temp.resolve("guest-" + expectationsSeen.size()));
        Path expect = Files.createDirectories(guest.resolve("expect"));
        Path out = Files.createDirectories(guest.resolve("out"));
        run(expect, "tar", "-xf", spec.disks().get(2).file().toString());
        expectationsSeen.add(expect);
        String output =
            run(
                guest,
                "sh",
                diagnostics.resolve("run-checks").toString(),
                "--expect",
                expect.toString(),
                "--junit",
                out.resolve("pytest-junit.xml").toString(),
                "--only",
                "packages",
                "--only",
                "tools");
        Files.writeString(out.resolve("pytest-output.txt"), output);
        Files.writeString(out.resolve("checks-done-ms.txt"), "31500\n");
        Path tar = guest.resolve("results.tar");
        run(out, "tar", "-cf", tar.toString(), ".");
        try (RandomAccessFile disk =
            new RandomAccessFile(spec.disks().get(3).file().toFile(), "rw")) {
          disk.write(Files.readAllBytes(tar));
        }
        return new FakeVirtualMachines.Boot(
            "capsem-init: ready in 9000 ms (block storage)\n"
                + "capsem-init: running the diagnostics (capsem-doctor)\n"
                + output
                + "\ncapsem-init: boot test done in 31600 ms; powering off\n",
            false);
      } catch (IOException e) {
        throw e;
      } catch (Exception e) {
        throw new IOException(e);
      }
    };
  }

  @Test
  void run_guestWhoseChecksPass_isOkAndLeavesTheBundleAndTheConsoleBesideTheAssets()
      throws Exception {
    List<Path> seen = new ArrayList<>();
    FakeVirtualMachines machines = FakeVirtualMachines.with(runningTheKitsChecks(seen));

    BootTestResult result =
        run(
            machines,
            profile(
                "coreutils = \"*\"\n",
                "[tools.bash]\nversion = \"*\"\nrequired = true\nsource = \"guest\"\n\n"));

    assertThat(result.diagnostics()).isEmpty();
    assertThat(result.ok()).isTrue();
    ArchResult arch = result.arches().get(0);
    assertThat(arch.tests()).isEqualTo(2);
    assertThat(arch.passed()).isEqualTo(2);
    assertThat(arch.checksDoneSeconds()).isEqualTo(31.5);
    assertThat(arch.accelerator()).isEqualTo("tcg");
    assertThat(arch.doctorBundle()).isEqualTo("assets/x86_64/doctor-bundle.tar");
    DoctorBundleProbe probe =
        DoctorBundleReader.read(assets.resolve("x86_64/doctor-bundle.tar"), "bundle");
    assertThat(probe.ok()).isTrue();
    assertThat(probe.tests()).isEqualTo(2);
    assertThat(assets.resolve("x86_64/boot-console.log"))
        .content()
        .contains("PASS packages.apt/coreutils", "PASS tools/bash");
    assertThat(Files.readString(seen.get(0).resolve("packages.tsv")))
        .isEqualTo("apt\tcoreutils\t*\n");
    assertThat(Files.readString(seen.get(0).resolve("tools.tsv")))
        .isEqualTo("bash\t*\tbash --version\n");
    assertThat(Files.readString(seen.get(0).resolve("agents.txt")))
        .isEqualTo(
            "capsem-pty-agent\ncapsem-net-proxy\ncapsem-dns-proxy\ncapsem-mcp-server\ncapsem-sysutil\n");
    assertThat(temp.resolve("work")).isEmptyDirectory();
    assertThat(notes)
        .anyMatch(note -> note.startsWith("image test x86_64: 2/2 checks passed under tcg"));
  }

  @Test
  void run_machine_bootsTheAssetsWithTheTestDisksInOrderAndTheProfilesCappedResources()
      throws Exception {
    FakeVirtualMachines machines =
        FakeVirtualMachines.with(runningTheKitsChecks(new ArrayList<>()));

    run(machines, profile("", ""));

    VmSpec spec = machines.boots().get(0);
    assertThat(spec.kernel()).isEqualTo(assets.resolve("x86_64/vmlinuz"));
    assertThat(spec.initrd()).isEqualTo(assets.resolve("x86_64/initrd.img"));
    assertThat(spec.disks())
        .extracting(VmSpec.VmDisk::serial, VmSpec.VmDisk::readOnly)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("capsem-rootfs", true),
            org.assertj.core.groups.Tuple.tuple("capsem-scratch", false),
            org.assertj.core.groups.Tuple.tuple("capsem-expect", true),
            org.assertj.core.groups.Tuple.tuple("capsem-result", false));
    assertThat(spec.disks().get(0).file()).isEqualTo(assets.resolve("x86_64/rootfs.squashfs"));
    assertThat(spec.commandLine()).contains("capsem.test=1").contains("panic=-1");
    assertThat(spec.memoryMib()).isEqualTo(2048); // the draft asks 8192
    assertThat(spec.cpus()).isEqualTo(2); // the draft asks 4
    assertThat(spec.accelerator()).isEqualTo(VmSpec.Accelerator.AUTO);
  }

  @Test
  void run_missingTool_isE503NamingTheCheckAndItsOutput() throws Exception {
    FakeVirtualMachines machines =
        FakeVirtualMachines.with(runningTheKitsChecks(new ArrayList<>()));

    BootTestResult result =
        run(
            machines,
            profile(
                "coreutils = \"*\"\n",
                "[tools.capsem-no-such-tool]\nversion = \"*\"\nrequired = true\nsource = \"guest\"\n\n"));

    assertThat(result.ok()).isFalse();
    assertThat(result.diagnostics()).extracting(Diagnostic::code).containsExactly(Code.E503);
    assertThat(result.diagnostics().get(0).message())
        .startsWith(
            "x86_64: check tools/capsem-no-such-tool failed: 'capsem-no-such-tool --version'")
        .contains("status 127");
    ArchResult arch = result.arches().get(0);
    assertThat(arch.failedChecks()).containsExactly("tools/capsem-no-such-tool");
    assertThat(arch.passed()).isEqualTo(1);
    assertThat(DoctorBundleReader.read(assets.resolve("x86_64/doctor-bundle.tar"), "b").failures())
        .isEqualTo(1);
  }

  @Test
  void run_kernelPanicAfterCapsemInitsFatalError_isE501QuotingBoth() throws Exception {
    FakeVirtualMachines machines =
        FakeVirtualMachines.with(
            spec ->
                new FakeVirtualMachines.Boot(
                    "[    0.9] Run /init as init process\n"
                        + "capsem-init: starting (6.12.118, 950 ms after boot)\n"
                        + "capsem-init: fatal: cannot mount the rootfs /dev/vda as squashfs: mount:"
                        + " mounting /dev/vda on /mnt/rootfs failed: No such device (this kernel has"
                        + " no squashfs support)\n"
                        + "[    1.1] Kernel panic - not syncing: Attempted to kill init!"
                        + " exitcode=0x00000100\n"
                        + "[    1.1] ---[ end Kernel panic - not syncing: Attempted to kill init!"
                        + " exitcode=0x00000100 ]---\n",
                    false));

    BootTestResult result = run(machines, profile("", ""));

    assertThat(result.diagnostics()).extracting(Diagnostic::code).containsExactly(Code.E501);
    assertThat(result.diagnostics().get(0).message())
        .contains("x86_64: the kernel panicked: Attempted to kill init! exitcode=0x00000100")
        .contains("this kernel has no squashfs support")
        .contains("| [    1.1] Kernel panic - not syncing");
    assertThat(result.arches().get(0).doctorBundle()).isNull();
    assertThat(assets.resolve("x86_64/boot-console.log")).content().contains("Kernel panic");
  }

  @Test
  void run_initThatExits_isE502WithItsStatus() throws Exception {
    FakeVirtualMachines machines =
        FakeVirtualMachines.with(
            spec ->
                new FakeVirtualMachines.Boot(
                    "[    0.9] Run /init as init process\nbye\n"
                        + "[    1.0] Kernel panic - not syncing: Attempted to kill init!"
                        + " exitcode=0x00000000\n",
                    false));

    BootTestResult result = run(machines, profile("", ""));

    assertThat(result.diagnostics()).extracting(Diagnostic::code).containsExactly(Code.E502);
    assertThat(result.diagnostics().get(0).message())
        .startsWith("x86_64: the initrd's init (PID 1) exited with status 0 before the checks ran")
        .contains("| bye");
  }

  @Test
  void run_guestThatHangs_isE504SayingTheChecksNeverStarted() throws Exception {
    FakeVirtualMachines machines =
        FakeVirtualMachines.with(
            spec -> new FakeVirtualMachines.Boot("capsem-init: starting\nwaiting...\n", true));

    BootTestResult result = run(machines, profile("", ""));

    assertThat(result.diagnostics()).extracting(Diagnostic::code).containsExactly(Code.E504);
    assertThat(result.diagnostics().get(0).message())
        .startsWith("x86_64: the guest did not finish its checks within 120 s")
        .contains("capsem-init never started them")
        .contains("| waiting...");
    assertThat(result.arches().get(0).ok()).isFalse();
    assertThat(result.arches().get(0).bootSeconds()).isEqualTo(120.0);
  }

  @Test
  void run_vmStopsWithoutResults_isE505() throws Exception {
    FakeVirtualMachines machines =
        FakeVirtualMachines.with(
            spec -> new FakeVirtualMachines.Boot("reboot: Power down\n", false));

    BootTestResult result = run(machines, profile("", ""));

    assertThat(result.diagnostics()).extracting(Diagnostic::code).containsExactly(Code.E505);
  }

  @Test
  void run_noVmm_isE500WithTheInstallFix() throws Exception {
    BootTestResult result = run(FakeVirtualMachines.notInstalled(), profile("", ""));

    assertThat(result.diagnostics()).extracting(Diagnostic::code).containsExactly(Code.E500);
    assertThat(result.diagnostics().get(0).message())
        .isEqualTo(
            "x86_64: qemu-system-x86_64 not found on PATH\n"
                + "  fix: sudo apt-get install qemu-system-x86");
    assertThat(result.arches().get(0).accelerator()).isNull();
  }

  @Test
  void run_missingRootfs_isE506AndNoVmStarts() throws Exception {
    Files.delete(assets.resolve("x86_64/rootfs.squashfs"));
    FakeVirtualMachines machines = FakeVirtualMachines.contractGuest();

    BootTestResult result = run(machines, profile("", ""));

    assertThat(result.diagnostics()).extracting(Diagnostic::code).containsExactly(Code.E506);
    assertThat(result.diagnostics().get(0).message())
        .isEqualTo(
            "x86_64: no rootfs to boot: assets/x86_64/rootfs.squashfs nor assets/x86_64/rootfs"
                + " exists (build it first: image build --template all)");
    assertThat(machines.boots()).isEmpty();
  }

  @Test
  void run_versionRange_isSentAsPresentOnlyWithW501() throws Exception {
    List<Path> seen = new ArrayList<>();

    BootTestResult result =
        run(
            FakeVirtualMachines.with(runningTheKitsChecks(seen)),
            profile("coreutils = \">=9\"\n", ""));

    assertThat(result.diagnostics()).extracting(Diagnostic::code).containsExactly(Code.W501);
    assertThat(result.diagnostics().get(0).message()).contains("apt/coreutils").contains("'>=9'");
    assertThat(Files.readString(seen.get(0).resolve("packages.tsv")))
        .isEqualTo("apt\tcoreutils\t*\n");
    assertThat(result.ok()).isTrue();
  }

  @Test
  void report_hasTheImageTestSchemaAndPerArchFigures() throws Exception {
    BootTestResult result =
        run(
            FakeVirtualMachines.with(runningTheKitsChecks(new ArrayList<>())),
            profile("coreutils = \"*\"\n", ""));

    ObjectNode report = result.report();

    assertThat(report.keys())
        .containsExactly(
            "schema",
            "ok",
            "profile_id",
            "profile_revision",
            "assets_dir",
            "arches",
            "diagnostics");
    String json = JsonPrinter.pretty().print(report);
    assertThat(json)
        .contains("\"schema\": \"capsem.image-test.v1\"")
        .contains("\"arch\": \"x86_64\"")
        .contains("\"accelerator\": \"tcg\"")
        .contains("\"boot_seconds\": 1.5")
        .contains("\"checks_done_seconds\": 31.5")
        .contains("\"console_log\": \"assets/x86_64/boot-console.log\"")
        .contains("\"doctor_bundle\": \"assets/x86_64/doctor-bundle.tar\"");
  }
}

package dev.capsem.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.TextReport;
import dev.capsem.core.internal.image.verify.DoctorBundleProbe;
import dev.capsem.core.internal.image.verify.DoctorBundleReader;
import dev.capsem.core.ports.BuildProgress;
import dev.capsem.core.testing.FakeVirtualMachines;
import dev.capsem.core.testing.FixedPorts;
import dev.capsem.core.testing.TarStream;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code images().test(...)} through the public face: the ports' VMM (a fake whose guest writes a
 * JUnit result onto the result disk), the report, the doctor bundle, and the stand-in when no VMM
 * was given. The real boot is in the it module ({@code BootTestRealTest}, {@code
 * ReleaseBootRealTest}).
 */
class ImageTestUseCaseTest {

  @TempDir Path temp;

  private GivenPath profile;
  private GivenPath assets;

  @BeforeEach
  void profileAndAssets() throws Exception {
    Path file = temp.resolve("boot-test.profile.toml");
    try (InputStream in =
        getClass()
            .getResourceAsStream("/dev/capsem/core/internal/boottest/boot-test.profile.toml")) {
      Files.write(file, in.readAllBytes());
    }
    profile = new GivenPath(file, "boot-test.profile.toml");
    Path arch = Files.createDirectories(temp.resolve("assets/x86_64"));
    for (String name : List.of("vmlinuz", "initrd.img", "rootfs.squashfs")) {
      Files.writeString(arch.resolve(name), "built " + name + "\n");
    }
    assets = new GivenPath(temp.resolve("assets"), "assets");
  }

  /** A guest that writes {@code junit} as its results tar, as capsem-init does, and powers off. */
  private static FakeVirtualMachines guestReporting(String junit) {
    return FakeVirtualMachines.with(
        spec -> {
          byte[] tar =
              new TarStream()
                  .add(TarStream.file("pytest-junit.xml", junit))
                  .add(TarStream.file("checks-done-ms.txt", "2500\n"))
                  .bytes();
          try (RandomAccessFile disk =
              new RandomAccessFile(spec.disks().get(3).file().toFile(), "rw")) {
            disk.write(tar);
          }
          return new FakeVirtualMachines.Boot(
              "capsem-init: running the diagnostics (capsem-doctor)\n", false);
        });
  }

  private static String junit(String... failures) {
    StringBuilder cases = new StringBuilder("<testcase classname=\"tools\" name=\"bash\"/>");
    for (String failure : failures) {
      cases
          .append("<testcase classname=\"tools\" name=\"")
          .append(failure)
          .append("\"><failure message=\"'")
          .append(failure)
          .append(" --version' failed (status 127)\">not found</failure></testcase>");
    }
    return "<?xml version=\"1.0\"?><testsuite name=\"capsem-doctor\" tests=\""
        + (1 + failures.length)
        + "\" failures=\""
        + failures.length
        + "\" errors=\"0\" skipped=\"0\">"
        + cases
        + "</testsuite>\n";
  }

  private Outcome<TextReport> test(FakeVirtualMachines machines) {
    return Capsem.with(FixedPorts.create().withVirtualMachines(machines))
        .images()
        .test(
            new ImageTestRequest(profile, assets, "x86_64", Duration.ofSeconds(60), null, false),
            BuildProgress.silent());
  }

  @Test
  void test_guestWhoseChecksPass_isOkWithTheImageTestReportAndADoctorBundleVerifyReads()
      throws Exception {
    Outcome<TextReport> outcome = test(guestReporting(junit()));

    assertThat(outcome.ok()).isTrue();
    assertThat(outcome.value().json())
        .contains("\"schema\": \"capsem.image-test.v1\"")
        .contains("\"accelerator\": \"tcg\"")
        .contains("\"doctor_bundle\": \"assets/x86_64/doctor-bundle.tar\"");
    assertThat(outcome.value().text()).startsWith("image test x86_64: 1/1 checks passed under tcg");
    DoctorBundleProbe probe =
        DoctorBundleReader.read(
            assets.path().resolve("x86_64/doctor-bundle.tar"), "doctor-bundle.tar");
    assertThat(probe.ok()).isTrue();
    assertThat(probe.tests()).isEqualTo(1);
    assertThat(assets.path().resolve(".capsem-boot")).doesNotExist();
  }

  @Test
  void test_failedCheck_isE503WithTheFailedArchAndTheCodeInTheError() {
    Outcome<TextReport> outcome = test(guestReporting(junit("jq")));

    assertThat(outcome.ok()).isFalse();
    assertThat(outcome.error()).isEqualTo("boot test failed (E503)");
    assertThat(outcome.diagnostics()).extracting(Diagnostic::code).containsExactly(Code.E503);
    assertThat(outcome.value().failures())
        .containsExactly("x86_64: failed tools/jq (console assets/x86_64/boot-console.log)");
  }

  @Test
  void test_guestWithoutResults_removesTheEarlierBootsBundle() throws Exception {
    test(guestReporting(junit()));
    assertThat(assets.path().resolve("x86_64/doctor-bundle.tar")).exists();

    Outcome<TextReport> outcome =
        test(FakeVirtualMachines.with(spec -> new FakeVirtualMachines.Boot("reboot\n", false)));

    assertThat(outcome.diagnostics()).extracting(Diagnostic::code).containsExactly(Code.E505);
    assertThat(assets.path().resolve("x86_64/doctor-bundle.tar")).doesNotExist();
  }

  @Test
  void test_portsWithoutAVmm_isE500NamingTheMissingAdapter() {
    Outcome<TextReport> outcome =
        Capsem.with(FixedPorts.create())
            .images()
            .test(ImageTestRequest.of(profile, assets, "x86_64"), BuildProgress.silent());

    assertThat(outcome.ok()).isFalse();
    assertThat(outcome.diagnostics()).extracting(Diagnostic::code).containsExactly(Code.E500);
    assertThat(outcome.diagnostics().get(0).message())
        .startsWith(
            "x86_64: no virtual machine monitor: no VirtualMachines adapter was given to Ports")
        .contains("fix: add one with Ports.withVirtualMachines");
  }

  @Test
  void test_archWithoutAssetsInTheProfile_isE102AndNoVmStarts() throws Exception {
    Path file = profile.path();
    String text = Files.readString(file, StandardCharsets.UTF_8);
    Files.writeString(
        file,
        text.substring(0, text.indexOf("[vm.assets.x86_64.kernel]"))
            + text.substring(text.indexOf("[packages.runtimes]")),
        StandardCharsets.UTF_8);
    FakeVirtualMachines machines = guestReporting(junit());

    Outcome<TextReport> outcome = test(machines);

    assertThat(outcome.diagnostics()).extracting(Diagnostic::code).contains(Code.E102);
    assertThat(machines.boots()).isEmpty();
  }
}

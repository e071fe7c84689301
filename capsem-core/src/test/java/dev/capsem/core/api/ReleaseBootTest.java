package dev.capsem.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.Outcome;
import dev.capsem.core.ports.BuildProgress;
import dev.capsem.core.ports.Downloader;
import dev.capsem.core.ports.SquashfsCodec;
import dev.capsem.core.testing.Conformance;
import dev.capsem.core.testing.FakeBuildEngine;
import dev.capsem.core.testing.FakeVirtualMachines;
import dev.capsem.core.testing.FixedPorts;
import dev.capsem.core.testing.RunLengthCodec;
import dev.capsem.core.testing.Sha256Hasher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The boot step of the release on the fake engine and a fake VMM: the image is booted after its
 * build and before anything after it (SBOM, release profile, catalog, signatures); a failed check
 * stops the release with its code; skipping is W500 and recorded in the package stage's {@code
 * release-package.json}. The real release boot is the it module's {@code ReleaseBootRealTest}.
 */
class ReleaseBootTest {

  @TempDir Path temp;

  private Outcome<Release> release(FakeVirtualMachines machines, boolean skip) throws Exception {
    return release(machines, skip, ReleaseStage.PACKAGE);
  }

  private Outcome<Release> release(FakeVirtualMachines machines, boolean skip, ReleaseStage stage)
      throws Exception {
    Path profile = Conformance.file("config/profiles/base/coding.profile.toml");
    Capsem capsem =
        Capsem.with(
            FixedPorts.create()
                .withHasher(new Sha256Hasher())
                .withContainers(FakeBuildEngine.x86_64(), Downloader.none())
                .withSquashfsCodecs(List.of(new RunLengthCodec(SquashfsCodec.ZSTD)))
                .withVirtualMachines(machines));
    return capsem
        .releases()
        .release(
            ReleaseReadsTest.request(temp, profile)
                .stages(EnumSet.of(stage))
                .skipBootTest(skip)
                .build(),
            BuildProgress.silent());
  }

  private String releaseJson() throws Exception {
    return Files.readString(temp.resolve("out/release-package.json"));
  }

  @Test
  void release_guestWhoseChecksPass_bootsTheBuiltImageBeforeTheSbomAndTheSignatures()
      throws Exception {
    FakeVirtualMachines machines = FakeVirtualMachines.reporting(FakeVirtualMachines.junit());

    Outcome<Release> outcome = release(machines, false);

    assertThat(outcome.ok()).as("%s %s", outcome.error(), outcome.diagnostics()).isTrue();
    assertThat(machines.boots()).hasSize(1);
    assertThat(machines.boots().get(0).kernel())
        .isEqualTo(temp.resolve("out/assets/x86_64/vmlinuz"));
    String release = releaseJson();
    assertThat(release).contains("\"boot_test\": \"passed\"");
    int booted = release.indexOf("\"image test x86_64: 1/1 checks passed under tcg");
    int sbom = release.indexOf("guest-sbom.spdx.json");
    assertThat(booted).as(release).isPositive().isLessThan(sbom);
    assertThat(temp.resolve("out/image-build.json")).exists();
    assertThat(temp.resolve("out/image-test.json")).content().contains("capsem.image-test.v1");
    assertThat(temp.resolve("out/assets/x86_64/doctor-bundle.tar")).exists();
    // The source profile's assets are placeholders ("…/x86_64/rootfs"): the SBOM still reads the
    // rootfs the build just wrote under its own name, rootfs.squashfs.
    assertThat(temp.resolve("out/sbom/x86_64/guest-sbom.spdx.json"))
        .content()
        .contains("packages read from the rootfs filesystem, not the build inventory")
        .contains("capsem rootfs squashfs arch=x86_64");
  }

  @Test
  void release_failedCheck_stopsAtTheBootWithE503BeforeAnythingIsPublished() throws Exception {
    Outcome<Release> outcome =
        release(FakeVirtualMachines.reporting(FakeVirtualMachines.junit("jq")), false);

    assertThat(outcome.ok()).isFalse();
    assertThat(outcome.error()).isEqualTo("boot test failed (E503)");
    assertThat(outcome.diagnostics()).extracting(Diagnostic::code).contains(Code.E503);
    assertThat(releaseJson())
        .contains("\"boot_test\": \"failed\"")
        .contains("\"signed\": false")
        .contains("\"failure\": \"boot test failed (E503)\"");
    assertThat(temp.resolve("out/release")).doesNotExist();
    assertThat(temp.resolve("out/sbom")).doesNotExist();
  }

  @Test
  void release_skipBootTest_isW500RecordedInTheReportAndNoVmStarts() throws Exception {
    FakeVirtualMachines machines = FakeVirtualMachines.reporting(FakeVirtualMachines.junit());

    Outcome<Release> outcome = release(machines, true);

    assertThat(outcome.ok()).as("%s %s", outcome.error(), outcome.diagnostics()).isTrue();
    assertThat(machines.boots()).isEmpty();
    assertThat(outcome.diagnostics()).extracting(Diagnostic::code).contains(Code.W500);
    assertThat(releaseJson())
        .contains("\"boot_test\": \"skipped\"")
        .contains(
            "boot test skipped (--skip-boot-test / -Dcapsem.skipBootTest): the image was not"
                + " booted before signing");
  }

  @Test
  void lifecycle_verifyStageAfterThePackageStage_keepsThePackageStagesBootRecord()
      throws Exception {
    FakeVirtualMachines machines = FakeVirtualMachines.reporting(FakeVirtualMachines.junit());
    assertThat(release(machines, false).ok()).isTrue();

    release(machines, false, ReleaseStage.VERIFY);

    assertThat(releaseJson()).contains("\"boot_test\": \"passed\"");
    assertThat(temp.resolve("out/release-verify.json"))
        .content()
        .contains("\"stages\": [\n    \"verify\"\n  ]");
    assertThat(temp.resolve("out/release.json")).doesNotExist();
  }

  @Test
  void release_noVmmAdapter_stopsWithE500() throws Exception {
    Outcome<Release> outcome = release(FakeVirtualMachines.notInstalled(), false);

    assertThat(outcome.error()).isEqualTo("boot test failed (E500)");
    assertThat(outcome.diagnostics()).extracting(Diagnostic::code).contains(Code.E500);
  }
}

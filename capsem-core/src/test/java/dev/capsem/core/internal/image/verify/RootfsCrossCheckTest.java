package dev.capsem.core.internal.image.verify;

import static dev.capsem.core.testing.TarStream.file;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.diag.Outcome;
import dev.capsem.core.internal.image.VerifyFlow;
import dev.capsem.core.internal.image.rootfs.Rootfs;
import dev.capsem.core.internal.image.version.VersionMatching;
import dev.capsem.core.internal.profile.ProfileReader;
import dev.capsem.core.internal.squashfs.SquashfsWriter;
import dev.capsem.core.ports.FileAccess;
import dev.capsem.core.ports.SquashfsCodec;
import dev.capsem.core.testing.SpdxValidation;
import dev.capsem.core.testing.TarStream;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code image verify} and {@code image sbom} when the assets hold a real rootfs squashfs: the
 * inventory is cross-checked against it (E537) and the SBOM is read from it; a placeholder rootfs
 * (upstream's vectors) keeps the old paths.
 */
class RootfsCrossCheckTest {

  private static final String STATUS =
      """
      Package: coreutils
      Status: install ok installed
      Architecture: arm64
      Version: 9.1

      Package: curl
      Status: install ok installed
      Architecture: arm64
      Version: 8.0.0

      """;

  @TempDir Path temp;

  private VerifyScenario scenario;
  private Rootfs rootfs;
  private VerifyFlow flow;

  @BeforeEach
  void setUp() {
    scenario = new VerifyScenario(temp);
    ShaHasher hasher = new ShaHasher();
    rootfs = Rootfs.with(List.of(SquashfsCodec.gzip(9)), hasher);
    flow = new VerifyFlow(hasher, FileAccess.local(), rootfs);
  }

  private void writeRootfs() throws Exception {
    byte[] tar =
        new TarStream()
            .add(file("etc/os-release", "ID=debian\nVERSION_ID=\"12\"\n"))
            .add(file("var/lib/dpkg/status", STATUS))
            .add(
                file(
                    "usr/lib/python3/dist-packages/pytest-8.3.5.dist-info/METADATA",
                    "Metadata-Version: 2.1\nName: pytest\nVersion: 8.3.5\n"))
            .add(
                file(
                    "usr/lib/python3/dist-packages/requests-2.32.3.dist-info/METADATA",
                    "Metadata-Version: 2.1\nName: requests\nVersion: 2.32.3\n"))
            .add(
                file(
                    "usr/local/lib/node_modules/@openai/codex/package.json",
                    "{\"name\": \"@openai/codex\", \"version\": \"0.1.0\"}"))
            .bytes();
    rootfs.write(
        new ByteArrayInputStream(tar),
        scenario.asset("arm64", "rootfs"),
        new SquashfsWriter.Settings(SquashfsCodec.gzip(9), 65536, 1_779_364_800L, 1));
  }

  private Outcome<VerifyFlow.Verification> verify() {
    GivenPath profile = new GivenPath(scenario.profile, "profile.json");
    return flow.verify(
        ProfileReader.read(FileAccess.local(), profile),
        profile,
        new GivenPath(scenario.assets, "assets"),
        "arm64",
        null,
        List.of(),
        VersionMatching.EXACT);
  }

  @Test
  void verify_inventoryThatAgreesWithTheRootfs_reportsTheCheckWithoutE537() throws Exception {
    writeRootfs();

    Outcome<VerifyFlow.Verification> outcome = verify();

    assertThat(outcome.diagnostics()).extracting(Diagnostic::code).doesNotContain(Code.E537);
    assertThat(outcome.value().json())
        .contains("\"rootfs_checks\": [")
        .contains("\"path\": \"assets/arm64/rootfs.squashfs\"");
    assertThat(outcome.value().summary()).contains("rootfs cross-check: inventory agrees");
  }

  @Test
  void verify_inventoryThatDisagreesWithTheRootfs_failsWithE537() throws Exception {
    writeRootfs();
    scenario.writeInventory(
        "arm64", VerifyScenario.INVENTORY.replace("\"curl\": \"8.0.0\"", "\"curl\": \"8.0.1\""));

    Outcome<VerifyFlow.Verification> outcome = verify();

    assertThat(outcome.ok()).isFalse();
    assertThat(outcome.diagnostics())
        .filteredOn(d -> d.code() == Code.E537)
        .extracting(Diagnostic::message)
        .containsExactly("arm64/apt/curl: the inventory says 8.0.1, the rootfs holds 8.0.0");
    assertThat(outcome.value().json())
        .contains("\"problems\": [\n        \"arm64/apt/curl: the inventory says 8.0.1");
  }

  @Test
  void verify_placeholderRootfs_keepsUpstreamsReportWithoutACrossCheck() {
    Outcome<VerifyFlow.Verification> outcome = verify();

    assertThat(outcome.ok()).isTrue();
    assertThat(outcome.value().json()).doesNotContain("rootfs_checks");
  }

  @Test
  void sbom_realRootfs_isReadFromTheFilesystemWithDebianPurlsAndValidates() throws Exception {
    writeRootfs();
    GivenPath profile = new GivenPath(scenario.profile, "profile.json");

    Outcome<VerifyFlow.Sboms> sboms =
        flow.sbom(
            ProfileReader.read(FileAccess.local(), profile),
            profile,
            new GivenPath(scenario.assets, "assets"),
            "arm64",
            null,
            null,
            Instant.parse("2026-05-21T00:00:00Z"));

    assertThat(sboms.ok()).as("%s", sboms.error()).isTrue();
    String json = sboms.value().documents().get(0).json();
    assertThat(json)
        .contains("pkg:deb/debian/curl@8.0.0?arch=arm64&distro=debian-12")
        .contains("pkg:pypi/pytest@8.3.5")
        .contains("pkg:npm/%40openai/codex@0.1.0");
    assertThat(SpdxValidation.errors(json)).isEmpty();
  }
}

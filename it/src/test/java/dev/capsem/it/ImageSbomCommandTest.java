package dev.capsem.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.testing.Conformance;
import dev.capsem.core.testing.SpdxValidation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/capsem-admin image sbom}: the derived vectors byte for byte, upstream's refusals, and
 * a real Debian system's inventory described in SPDX that SPDX's validator accepts.
 */
class ImageSbomCommandTest {

  private static final String VECTORS = "derived/image-build/sbom/";
  private static final Map<String, String> PINNED = Map.of("SOURCE_DATE_EPOCH", "1779364800");

  @TempDir Path dir;

  @BeforeEach
  void setUp() throws Exception {
    link("profile.json", VECTORS + "profile.json");
    link("assets/arm64/image-inventory.json", VECTORS + "assets/arm64/image-inventory.json");
    link("tricky-inventory.json", VECTORS + "tricky-inventory.json");
  }

  private void link(String relative, String conformance) throws Exception {
    Path at = dir.resolve(relative);
    Files.createDirectories(at.getParent());
    Files.createSymbolicLink(at, Conformance.file(conformance));
  }

  @Test
  void sbom_singleArch_printsTheVectorDocument() throws Exception {
    AdminProcess.Run run =
        AdminProcess.run(
            dir,
            PINNED,
            "image",
            "sbom",
            "profile.json",
            "--assets-dir",
            "assets",
            "--arch",
            "arm64");

    assertThat(run.exitCode()).isZero();
    assertThat(run.stdout())
        .isEqualTo(Conformance.text(VECTORS + "expected/arm64.guest-sbom.spdx.json"));
    assertThat(SpdxValidation.errors(run.stdout())).isEmpty();
  }

  @Test
  void sbom_trickyNames_printsTheVectorDocument() throws Exception {
    AdminProcess.Run run =
        AdminProcess.run(
            dir,
            PINNED,
            "image",
            "sbom",
            "profile.json",
            "--assets-dir",
            "assets",
            "--arch",
            "x86_64",
            "--inventory",
            "tricky-inventory.json");

    assertThat(run.stdout())
        .isEqualTo(Conformance.text(VECTORS + "expected/x86_64.tricky.guest-sbom.spdx.json"));
  }

  @Test
  void sbom_outDirForAllArches_writesEachArchAtUpstreamsPath() throws Exception {
    link("inventories/arm64/image-inventory.json", VECTORS + "assets/arm64/image-inventory.json");
    link("inventories/x86_64/image-inventory.json", VECTORS + "tricky-inventory.json");

    AdminProcess.Run run =
        AdminProcess.run(
            dir,
            PINNED,
            "image",
            "sbom",
            "profile.json",
            "--assets-dir",
            "assets",
            "--inventory",
            "inventories",
            "--out-dir",
            "./sboms/");

    assertThat(run.exitCode()).isZero();
    assertThat(run.stdout()).isEqualTo("wrote 2 SBOMs to sboms\n");
    assertThat(dir.resolve("sboms/arm64/guest-sbom.spdx.json"))
        .hasContent(Conformance.text(VECTORS + "expected/arm64.guest-sbom.spdx.json"));
    assertThat(dir.resolve("sboms/x86_64/guest-sbom.spdx.json"))
        .hasContent(Conformance.text(VECTORS + "expected/x86_64.tricky.guest-sbom.spdx.json"));
    try (var files = Files.walk(dir.resolve("sboms"))) {
      assertThat(files.filter(Files::isRegularFile)).hasSize(2);
    }
  }

  @Test
  void sbom_allArchesToStandardOutput_isRefusedAsUpstream() throws Exception {
    link("assets/x86_64/image-inventory.json", VECTORS + "tricky-inventory.json");

    AdminProcess.Run run =
        AdminProcess.run(dir, "image", "sbom", "profile.json", "--assets-dir", "assets");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stderr())
        .isEqualTo("Error: all-arch SBOM output requires --out-dir or a single --arch\n");
  }

  @Test
  void sbom_missingInventory_isRefusedAsUpstream() throws Exception {
    Files.createDirectories(dir.resolve("empty"));

    AdminProcess.Run run =
        AdminProcess.run(
            dir, "image", "sbom", "profile.json", "--assets-dir", "empty", "--out-dir", "out");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stderr())
        .isEqualTo("Error: missing image inventory for arch(es): arm64, x86_64\n");
    assertThat(dir.resolve("out")).doesNotExist();
    run.assertNoStackTrace();
  }

  @Test
  void sbom_realDebianSystem_isValidSpdxAndDeterministic() throws Exception {
    String inventory = HostInventory.json(Path.of("/"));
    Files.writeString(dir.resolve("host-inventory.json"), inventory);
    String[] command = {
      "image",
      "sbom",
      "profile.json",
      "--assets-dir",
      "assets",
      "--arch",
      "x86_64",
      "--inventory",
      "host-inventory.json",
      "--out-dir",
      "sboms"
    };

    AdminProcess.Run first = AdminProcess.run(dir, PINNED, command);
    String document = Files.readString(dir.resolve("sboms/x86_64/guest-sbom.spdx.json"));
    AdminProcess.Run second = AdminProcess.run(dir, PINNED, command);

    assertThat(first.exitCode()).isZero();
    assertThat(second.exitCode()).isZero();
    assertThat(dir.resolve("sboms/x86_64/guest-sbom.spdx.json")).hasContent(document);
    assertThat(SpdxValidation.errors(document)).isEmpty();
    assertThat(document)
        .contains("\"comment\": \"capsem image inventory source=apt arch=x86_64\"")
        .contains("\"referenceLocator\": \"pkg:deb/debian/libc6@")
        .contains("\"created\": \"2026-05-21T12:00:00Z\"");
    long packages = document.lines().filter(l -> l.startsWith("      \"SPDXID\": ")).count();
    assertThat(packages).isGreaterThan(100);
  }
}

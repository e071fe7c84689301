package dev.capsem.core.internal.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.json.JsonDialect;
import dev.capsem.core.internal.json.JsonReader;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.testing.Conformance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * {@code generated/manifest-signing/asset-manifest-v2/}: {@code gen_manifest.py assets Cargo.toml}
 * on 2026-04-21, fresh and after {@code existing-manifest.json}, reproduced byte for byte; and the
 * legacy {@code data/fixtures/manifest_per_arch.json}, which only the version numbering reads.
 */
class AssetManifestVectorsTest {

  private static final String DIR = "generated/manifest-signing/asset-manifest-v2/";

  /** SOURCE_DATE_EPOCH 1776729600 = 2026-04-21 in UTC. */
  private static final LocalDate TODAY =
      Instant.ofEpochSecond(1776729600L).atZone(ZoneOffset.UTC).toLocalDate();

  private static AssetManifestDraft.Built build(Node existing) {
    Path assets = Conformance.file(DIR + "assets");
    AssetManifestDraft draft =
        new AssetManifestDraft(
            B3Sums.parse(Conformance.text(DIR + "assets/B3SUMS")),
            "1.0.1776688771",
            "1.0.0",
            TODAY);
    return draft.build(existing, null, path -> size(assets.resolve(path)));
  }

  private static long size(Path file) {
    try {
      return Files.exists(file) ? Files.size(file) : 0;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void build_noExistingManifest_isExpectedFreshByteForByte() {
    AssetManifestDraft.Built built = build(null);
    assertThat(built.text()).isEqualTo(Conformance.text(DIR + "expected-manifest-fresh.json"));
    assertThat(built.assetVersion()).isEqualTo("2026.0421.1");
    assertThat(built.assetCount()).isEqualTo(6);
  }

  @Test
  void build_afterExistingManifest_isExpectedAfterExistingByteForByte() throws Exception {
    Node existing =
        JsonReader.read(Conformance.text(DIR + "existing-manifest.json"), JsonDialect.PYTHON);
    assertThat(build(existing).text())
        .isEqualTo(Conformance.text(DIR + "expected-manifest-after-existing.json"));
  }

  @Test
  void read_expectedManifests_areValidWithTheirCurrentVersions() {
    for (String name :
        new String[] {"expected-manifest-fresh.json", "expected-manifest-after-existing.json"}) {
      AssetManifestCheck check = AssetManifestReader.read(Conformance.file(DIR + name), name);
      assertThat(check.diagnostics()).isEmpty();
      assertThat(check.manifest().currentBinary()).isEqualTo("1.0.1776688771");
      assertThat(check.manifest().assetReleases().get(check.manifest().currentAssets()).arches())
          .containsOnlyKeys("arm64", "x86_64");
    }
  }

  @Test
  void legacyPerArchManifest_isAcceptedForNumberingAndRefusedAsFormat2() throws Exception {
    String text = Conformance.text("data/fixtures/manifest_per_arch.json");
    Node legacy = JsonReader.read(text, JsonDialect.PYTHON);
    assertThat(AssetVersions.next(legacy, TODAY)).isEqualTo("2026.0421.1");
    AssetManifestCheck check =
        AssetManifestReader.read(
            Conformance.file("data/fixtures/manifest_per_arch.json"), "m.json");
    assertThat(check.ok()).isFalse();
    assertThat(check.diagnostics())
        .extracting(Diagnostic::code, Diagnostic::message)
        .contains(
            org.assertj.core.groups.Tuple.tuple(Code.E001, "missing field `format`"),
            org.assertj.core.groups.Tuple.tuple(Code.E001, "missing field `assets`"),
            org.assertj.core.groups.Tuple.tuple(Code.E001, "missing field `binaries`"));
  }

  @Test
  void rootB3sums_parsesUpstreamsAssetsPaths() {
    assertThat(B3Sums.parse(Conformance.text("B3SUMS")))
        .extracting(B3Sums.Line::arch, B3Sums.Line::fileName)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("assets", "arm64/vmlinuz"),
            org.assertj.core.groups.Tuple.tuple("assets", "arm64/initrd.img"),
            org.assertj.core.groups.Tuple.tuple("assets", "arm64/rootfs.squashfs"));
  }
}

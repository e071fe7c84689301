package dev.capsem.core.internal.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.testing.Conformance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AssetManifestV2Test {

  private static final LocalDate DAY = LocalDate.of(2026, 4, 21);

  private static String generate(String previous) throws Exception {
    Path assets = Conformance.file("generated/manifest-signing/asset-manifest-v2/assets");
    return AssetManifestV2.fromB3sums(
            Files.readString(assets.resolve("B3SUMS")),
            relative -> Files.size(assets.resolve(relative)),
            previous,
            DAY,
            AssetManifestV2.cargoVersion(
                Conformance.text("generated/manifest-signing/asset-manifest-v2/Cargo.toml.txt")))
        .json();
  }

  @Test
  void fromB3sums_noPreviousManifest_matchesTheFreshVectorByteForByte() throws Exception {
    assertThat(generate(null))
        .isEqualTo(
            Conformance.text(
                "generated/manifest-signing/asset-manifest-v2/expected-manifest-fresh.json"));
  }

  @Test
  void fromB3sums_afterExistingManifest_numbersTheReleaseAfterTheSameDaysHighest()
      throws Exception {
    String existing =
        Conformance.text("generated/manifest-signing/asset-manifest-v2/existing-manifest.json");

    assertThat(generate(existing))
        .isEqualTo(
            Conformance.text(
                "generated/manifest-signing/asset-manifest-v2/expected-manifest-after-existing.json"));
  }

  @Test
  void nextAssetVersion_specExamples() {
    assertThat(AssetManifestV2.nextAssetVersion(null, DAY)).isEqualTo("2026.0421.1");
    assertThat(AssetManifestV2.nextAssetVersion("{\"latest\": \"2026.0421.7\"}", DAY))
        .isEqualTo("2026.0421.8");
    assertThat(
            AssetManifestV2.nextAssetVersion(
                "{\"format\": 2, \"assets\": {\"releases\": {}}, \"latest\": \"2026.0421.3\"}",
                DAY))
        .isEqualTo("2026.0421.1");
    assertThat(
            AssetManifestV2.nextAssetVersion(
                "{\"format\": 2, \"assets\": {\"releases\": {\"2026.0421.9\": {}}}}", DAY))
        .isEqualTo("2026.0421.10");
    assertThat(AssetManifestV2.nextAssetVersion("not json", DAY)).isEqualTo("2026.0421.1");
  }

  @Test
  void cargoVersion_firstVersionLine_withoutQuotes() {
    assertThat(AssetManifestV2.cargoVersion("[workspace.package]\nversion = \"1.0.17\"\n"))
        .isEqualTo("1.0.17");
    assertThat(AssetManifestV2.cargoVersion("[package]\nname = \"x\"\n")).isNull();
  }
}

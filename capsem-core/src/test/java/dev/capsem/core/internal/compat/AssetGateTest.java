package dev.capsem.core.internal.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.manifest.AssetManifest;
import dev.capsem.core.internal.manifest.AssetManifestCheck;
import dev.capsem.core.internal.manifest.AssetManifestReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every row of the format-2 truth table (spec §2.3). Base: asset release 2026.0415.1 (min_binary
 * 1.0.0, current), binary 1.0.1776269479 with min_assets 2026.0415.1.
 */
class AssetGateTest {

  private static final String BINARY = "1.0.1776269479";
  private static final String HASH = "ab".repeat(32);

  /** A release entry: deprecated flag and min_binary. */
  private record Release(boolean deprecated, String minBinary) {}

  private static String release(String version, Release release) {
    String files =
        "\"vmlinuz\": {\"hash\": \"%s\", \"size\": 1}, \"initrd.img\": {\"hash\": \"%s\", \"size\": 2},"
                .formatted(HASH, HASH)
            + " \"rootfs.squashfs\": {\"hash\": \"%s\", \"size\": 3}".formatted(HASH);
    return "\"%s\": {\"date\": \"2026-04-15\", \"deprecated\": %s, \"min_binary\": \"%s\", \"arches\": {\"arm64\": {%s}}}"
        .formatted(version, release.deprecated(), release.minBinary(), files);
  }

  private static AssetManifest manifest(
      String current, Map<String, Release> releases, String minAssets, boolean binaryDeprecated) {
    StringBuilder json =
        new StringBuilder("{\"format\": 2, \"assets\": {\"current\": \"")
            .append(current)
            .append("\", \"releases\": {");
    String separator = "";
    for (Map.Entry<String, Release> entry : releases.entrySet()) {
      json.append(separator).append(release(entry.getKey(), entry.getValue()));
      separator = ", ";
    }
    json.append("}}, \"binaries\": {\"current\": \"")
        .append(BINARY)
        .append("\", \"releases\": {\"")
        .append(BINARY)
        .append("\": {\"date\": \"2026-04-15\", \"deprecated\": ")
        .append(binaryDeprecated)
        .append(", \"min_assets\": \"")
        .append(minAssets)
        .append("\"}}}}");
    AssetManifestCheck check =
        AssetManifestReader.read(json.toString().getBytes(StandardCharsets.UTF_8), "m.json");
    assertThat(check.diagnostics()).isEmpty();
    return check.manifest();
  }

  private static Map<String, Release> releases(Object... versionsAndReleases) {
    Map<String, Release> map = new LinkedHashMap<>();
    for (int i = 0; i < versionsAndReleases.length; i += 2) {
      map.put((String) versionsAndReleases[i], (Release) versionsAndReleases[i + 1]);
    }
    return map;
  }

  private static final Release OK = new Release(false, "1.0.0");

  private static String boots(AssetManifest manifest, String binary) {
    BootDecision decision = AssetGate.resolve(manifest, new BootRequest(binary, "arm64"));
    return decision instanceof BootDecision.Boot boot
        ? boot.assetVersion()
        : ((BootDecision.Refused) decision).refusal().code()
            + " "
            + ((BootDecision.Refused) decision).refusal().message();
  }

  @Test
  void row1_base_bootsTheOnlyRelease() {
    assertThat(
            boots(
                manifest("2026.0415.1", releases("2026.0415.1", OK), "2026.0415.1", false), BINARY))
        .isEqualTo("2026.0415.1");
  }

  @Test
  void row2_unlistedBinary_hasNoMinAssetsConstraint() {
    assertThat(
            boots(
                manifest("2026.0415.1", releases("2026.0415.1", OK), "2026.0415.1", false),
                "1.0.9999999999"))
        .isEqualTo("2026.0415.1");
  }

  @Test
  void row3_newerReleaseNeedingNewerBinary_isSkipped() {
    AssetManifest m =
        manifest(
            "2030.0101.1",
            releases("2026.0415.1", OK, "2030.0101.1", new Release(false, "2.0.0")),
            "2026.0415.1",
            false);
    assertThat(boots(m, BINARY)).isEqualTo("2026.0415.1");
  }

  @Test
  void row4_deprecatedCurrent_isSkipped() {
    AssetManifest m =
        manifest(
            "2026.0416.1",
            releases("2026.0415.1", OK, "2026.0416.1", new Release(true, "1.0.0")),
            "2026.0415.1",
            false);
    assertThat(boots(m, BINARY)).isEqualTo("2026.0415.1");
  }

  @Test
  void row5_onlyReleaseDeprecated_isRefused() {
    AssetManifest m =
        manifest(
            "2026.0415.1",
            releases("2026.0415.1", new Release(true, "1.0.0")),
            "2026.0415.1",
            false);
    assertThat(boots(m, BINARY))
        .isEqualTo(
            "E410 no compatible asset release for binary 1.0.1776269479 (min_assets: 2026.0415.1)");
  }

  @Test
  void row6_releaseNeedsNewerBinary_isRefused() {
    AssetManifest m =
        manifest(
            "2026.0415.1",
            releases("2026.0415.1", new Release(false, "2.0.0")),
            "2026.0415.1",
            false);
    assertThat(boots(m, BINARY))
        .isEqualTo(
            "E410 no compatible asset release for binary 1.0.1776269479 (min_assets: 2026.0415.1)");
  }

  @Test
  void row7_numericPatchOrder_picksTen() {
    AssetManifest m =
        manifest(
            "2026.0510.2",
            releases("2026.0510.2", OK, "2026.0510.9", OK, "2026.0510.10", OK),
            "2026.0510.9",
            false);
    assertThat(boots(m, BINARY)).isEqualTo("2026.0510.10");
  }

  @Test
  void row8_emptyMinAssets_picksGreatestCompatible() {
    AssetManifest m =
        manifest(
            "2026.0415.1",
            releases(
                "2026.0415.1",
                OK,
                "2026.0416.1",
                OK,
                "2026.0417.1",
                new Release(true, "1.0.0"),
                "2026.0418.1",
                new Release(false, "9.0.0")),
            "",
            false);
    assertThat(boots(m, BINARY)).isEqualTo("2026.0416.1");
  }

  @Test
  void row9_nonCurrentNewerRelease_isPicked() {
    AssetManifest m =
        manifest(
            "2026.0415.1", releases("2026.0415.1", OK, "2026.0416.1", OK), "2026.0415.1", false);
    assertThat(boots(m, BINARY)).isEqualTo("2026.0416.1");
  }

  @Test
  void row10_deprecatedBinary_bootsWithAWarning() {
    AssetManifest m = manifest("2026.0415.1", releases("2026.0415.1", OK), "2026.0415.1", true);
    BootDecision decision = AssetGate.resolve(m, new BootRequest(BINARY, "arm64"));
    assertThat(decision).isInstanceOf(BootDecision.Boot.class);
    BootDecision.Boot boot = (BootDecision.Boot) decision;
    assertThat(boot.assetVersion()).isEqualTo("2026.0415.1");
    assertThat(boot.warnings())
        .extracting(Diagnostic::code, Diagnostic::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Code.W401, "binary 1.0.1776269479 is deprecated"));
  }

  @Test
  void row11_currentNotARelease_rejectsTheManifest() {
    String json =
        "{\"format\": 2, \"assets\": {\"current\": \"2026.0499.1\", \"releases\": {"
            + release("2026.0415.1", OK)
            + "}}, \"binaries\": {\"current\": \"1.0.1\", \"releases\": {\"1.0.1\": {}}}}";
    AssetManifestCheck check =
        AssetManifestReader.read(json.getBytes(StandardCharsets.UTF_8), "m.json");
    assertThat(check.ok()).isFalse();
    assertThat(check.diagnostics())
        .extracting(Diagnostic::code, Diagnostic::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                Code.E405, "asset version 2026.0499.1 not found in manifest"));
  }

  @Test
  void resolve_missingArchOrFile_isRefusedWithUpstreamsMessages() {
    AssetManifest m = manifest("2026.0415.1", releases("2026.0415.1", OK), "2026.0415.1", false);
    BootDecision riscv = AssetGate.resolve(m, new BootRequest(BINARY, "riscv64"));
    assertThat(((BootDecision.Refused) riscv).refusal())
        .isEqualTo(
            new GateRefusal(Code.E411, "arch riscv64 not found in asset release 2026.0415.1"));
    BootDecision aarch64 = AssetGate.resolve(m, new BootRequest(BINARY, "aarch64"));
    assertThat(aarch64.ok()).isTrue();
  }
}

package dev.capsem.core.internal.image.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.internal.image.verify.ImageInventory;
import dev.capsem.core.internal.image.verify.InventoryReader;
import dev.capsem.core.testing.Conformance;
import dev.capsem.core.testing.SpdxValidation;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The SPDX documents: byte for byte against the vectors, and valid under SPDX's validator. */
class GuestSbomTest {

  /** The package-contract hash of every {@code profile init} draft, the vectors' profile. */
  private static final String DRAFT_CONTRACT =
      "blake3:83150c3c78f95032c70c1b4e28f87b99afdd497c88358fb4f6387ab1427714f2";

  /** SOURCE_DATE_EPOCH of the vectors: 2026-05-21T12:00:00Z. */
  private static final Instant CREATED = Instant.ofEpochSecond(1779364800L);

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "assets/arm64/image-inventory.json, arm64, expected/arm64.guest-sbom.spdx.json",
    "tricky-inventory.json, x86_64, expected/x86_64.tricky.guest-sbom.spdx.json"
  })
  void json_vectorInventories_matchTheVectorsByteForByte(
      String inventory, String arch, String expected) {
    String json =
        GuestSbom.json(
            "corp-dev", "2026.0521.1", DRAFT_CONTRACT, arch, inventory(inventory), CREATED);

    assertThat(json).isEqualTo(Conformance.text("derived/image-build/sbom/" + expected));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "expected/arm64.guest-sbom.spdx.json",
        "expected/x86_64.tricky.guest-sbom.spdx.json"
      })
  void vectors_passTheSpdxValidator(String expected) {
    assertThat(SpdxValidation.errors(Conformance.text("derived/image-build/sbom/" + expected)))
        .isEmpty();
  }

  @Test
  void json_sameInputs_sameBytes() {
    ImageInventory inventory = inventory("tricky-inventory.json");

    String first =
        GuestSbom.json("corp-dev", "2026.0521.1", DRAFT_CONTRACT, "x86_64", inventory, CREATED);
    String second =
        GuestSbom.json(
            "corp-dev",
            "2026.0521.1",
            DRAFT_CONTRACT,
            "x86_64",
            inventory,
            CREATED.plusMillis(999));

    assertThat(second).isEqualTo(first);
  }

  @Test
  void json_namesThatShareAnId_getNumberedIdsAndStayValid() {
    Map<String, String> python = new LinkedHashMap<>();
    python.put("foo_bar", "1.0");
    python.put("foo-bar", "2.0");
    python.put("foo.bar", "3.0");
    python.put("foo-bar-2", "4.0");
    python.put("Foo Bar", "5.0");
    ImageInventory inventory = new ImageInventory(Map.of(), python, Map.of(), Map.of());

    String json =
        GuestSbom.json("corp-dev", "2026.0521.1", DRAFT_CONTRACT, "arm64", inventory, CREATED);

    assertThat(json)
        .contains("\"SPDXID\": \"SPDXRef-arm64-python-Foo-Bar\"")
        .contains("\"SPDXID\": \"SPDXRef-arm64-python-foo-bar-2\"")
        .contains("\"SPDXID\": \"SPDXRef-arm64-python-foo-bar-2-2\"")
        .contains("\"SPDXID\": \"SPDXRef-arm64-python-foo-bar-3\"")
        .doesNotContain("\"SPDXID\": \"SPDXRef-arm64-python-foo-bar\"")
        .contains("\"SPDXID\": \"SPDXRef-arm64-python-foo.bar\"");
    assertThat(SpdxValidation.errors(json)).isEmpty();
  }

  @Test
  void json_unusualNamesAndVersions_stayValid() {
    ImageInventory inventory =
        new ImageInventory(
            Map.of("libstdc++6", "12.2.0-14", "git", "1:2.39.5-0+deb12u2", "é-pkg", "1.0~rc1"),
            Map.of("zope.interface", "6.0+local.1", "___", "1"),
            Map.of("@types/node", "20.11.30", "@scope/ünï", "1.0.0-beta.2+build.7"),
            Map.of("claude", "1.0.18 (Claude Code)", "!!", "x"));

    String json =
        GuestSbom.json("corp-dev", "2026.0521.1", DRAFT_CONTRACT, "x86_64", inventory, CREATED);

    assertThat(SpdxValidation.errors(json)).isEmpty();
    assertThat(json)
        .contains("\"SPDXID\": \"SPDXRef-x86-64-python-unknown\"")
        .contains("pkg:npm/%40scope/%C3%BCn%C3%AF@1.0.0-beta.2%2Bbuild.7")
        .contains("pkg:deb/debian/%C3%A9-pkg@1.0~rc1?arch=x86_64");
  }

  @Test
  void validator_documentWithDuplicateIds_isRejected() {
    String vector =
        Conformance.text("derived/image-build/sbom/expected/x86_64.tricky.guest-sbom.spdx.json");
    String broken = vector.replace("SPDXRef-x86-64-apt-libstdc-6", "SPDXRef-x86-64-apt-git");

    assertThat(SpdxValidation.errors(broken)).isNotEmpty();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "x86_64, x86-64",
    "@openai/codex, openai-codex",
    "capsem_doctor, capsem-doctor",
    "'  ', unknown",
    "a..b--c, a..b--c",
    "blake3:83, blake3-83",
  })
  void token_values_asUpstream(String value, String token) {
    assertThat(SpdxTokens.token(value)).isEqualTo(token);
  }

  @Test
  void packageUrl_encodings_asPythonQuote() {
    assertThat(PackageUrl.of("apt", "libstdc++6", "1:2.0+b1", "x86_64"))
        .isEqualTo("pkg:deb/debian/libstdc%2B%2B6@1%3A2.0%2Bb1?arch=x86_64");
    assertThat(PackageUrl.of("python", "a/b", "1.0", "arm64")).isEqualTo("pkg:pypi/a%2Fb@1.0");
    assertThat(PackageUrl.of("node", "@scope/pkg", "1.0.0/x", "arm64"))
        .isEqualTo("pkg:npm/%40scope/pkg@1.0.0%2Fx");
  }

  private static ImageInventory inventory(String relative) {
    return InventoryReader.read(Conformance.file("derived/image-build/sbom/" + relative), relative)
        .inventory();
  }
}

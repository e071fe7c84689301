package dev.capsem.core.internal.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.testing.Conformance;
import dev.capsem.core.testing.ReferenceBlake3;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code generated/manifest-signing/catalog/} reproduced byte for byte, and the failure cases. */
class CatalogGeneratorTest {

  private static final String DIR = "generated/manifest-signing/catalog/";
  private final ReferenceBlake3 blake3 = new ReferenceBlake3();

  private String generate(String baseUrl, Map<String, String> status, Map<String, String> current)
      throws Exception {
    CatalogGenerator.Result result =
        new CatalogGenerator(
                Conformance.file(DIR + "profiles"), "profiles", baseUrl, status, current)
            .generate(blake3);
    assertThat(result.diagnostics()).isEmpty();
    return JsonPrinter.pretty().printLine(result.document());
  }

  @ParameterizedTest(name = "base URL {0}")
  @CsvSource({
    "https://profiles.example.com/catalog/",
    "https://profiles.example.com/catalog",
    "https://profiles.example.com/catalog///"
  })
  void generate_withStatusOverride_isExpectedManifest(String baseUrl) throws Exception {
    assertThat(generate(baseUrl, Map.of("corp-dev@2026.0520.2", "deprecated"), Map.of()))
        .isEqualTo(Conformance.text(DIR + "expected-manifest.json"));
  }

  @Test
  void generate_withCurrentOverride_isExpectedManifest() throws Exception {
    assertThat(
            generate(
                "https://profiles.example.com/catalog/",
                Map.of("corp-dev@2026.0520.2", "deprecated"),
                Map.of("corp-dev", "2026.0520.10", "ghost", "2026.0101.1")))
        .isEqualTo(Conformance.text(DIR + "expected-manifest.json"));
  }

  @Test
  void generate_noOverrides_isExpectedNoStatusManifest() throws Exception {
    assertThat(generate("https://profiles.example.com/catalog/", Map.of(), Map.of()))
        .isEqualTo(Conformance.text(DIR + "expected-manifest-no-status.json"));
  }

  @Test
  void generate_withoutBaseUrl_usesPercentEncodedFileUris() throws Exception {
    String text = generate(null, Map.of(), Map.of());
    Path root = Conformance.file(DIR + "profiles").toRealPath();
    assertThat(text).contains("\"profile_url\": \"file://" + root + "/nested/zeta%2Bteam.toml\"");
  }

  @Test
  void generate_normalisesTheBaseUrlLikeAnyUrl() throws Exception {
    assertThat(generate("https://Profiles.Example.COM:443/a b/", Map.of(), Map.of()))
        .contains("\"profile_url\": \"https://profiles.example.com/a%20b/everyday-work.json\"");
  }

  @Test
  void generate_duplicateRevision_isRefusedNamingIt(@TempDir Path dir) throws Exception {
    byte[] payload = Conformance.bytes("schemas/fixtures/profile-v2-valid.json");
    Files.write(dir.resolve("a.json"), payload);
    Files.write(dir.resolve("b.json"), payload);
    CatalogGenerator.Result result =
        new CatalogGenerator(dir, "d", null, Map.of(), Map.of()).generate(blake3);
    assertThat(result.ok()).isFalse();
    assertThat(result.error()).isEqualTo("duplicate profile revision: everyday-work@2026.0520.1");
    assertThat(result.diagnostics())
        .extracting(Diagnostic::code, Diagnostic::file)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Code.E008, "d/b.json"));
  }

  @Test
  void generate_emptyFolder_isRefused(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("x.json.minisig"), "sig");
    Files.writeString(dir.resolve(".json"), "{}");
    CatalogGenerator.Result result =
        new CatalogGenerator(dir, "d", null, Map.of(), Map.of()).generate(blake3);
    assertThat(result.error())
        .isEqualTo("no Profile V2 JSON or TOML payloads found in " + dir.toRealPath());
    assertThat(result.diagnostics()).extracting(Diagnostic::code).containsExactly(Code.E407);
  }

  @Test
  void generate_onlyDeprecatedRevision_hasNoActiveRevision(@TempDir Path dir) throws Exception {
    Files.write(dir.resolve("a.json"), Conformance.bytes("schemas/fixtures/profile-v2-valid.json"));
    CatalogGenerator.Result result =
        new CatalogGenerator(
                dir, "d", null, Map.of("everyday-work@2026.0520.1", "deprecated"), Map.of())
            .generate(blake3);
    assertThat(result.error()).isEqualTo("profile 'everyday-work' has no active revision");
  }

  @Test
  void generate_currentOverrideNotActive_failsCatalogValidation(@TempDir Path dir)
      throws Exception {
    Files.write(dir.resolve("a.json"), Conformance.bytes("schemas/fixtures/profile-v2-valid.json"));
    CatalogGenerator.Result result =
        new CatalogGenerator(dir, "d", null, Map.of(), Map.of("everyday-work", "2026.0520.9"))
            .generate(blake3);
    assertThat(result.diagnostics())
        .extracting(Diagnostic::code, Diagnostic::path, Diagnostic::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                Code.E406,
                "profiles.everyday-work",
                "Value error, current_revision must exist in revisions"));
  }

  @Test
  void generate_invalidStatus_isUpstreamsEnumMessage(@TempDir Path dir) throws Exception {
    Files.write(dir.resolve("a.json"), Conformance.bytes("schemas/fixtures/profile-v2-valid.json"));
    CatalogGenerator.Result result =
        new CatalogGenerator(
                dir, "d", null, Map.of("everyday-work@2026.0520.1", "removed"), Map.of())
            .generate(blake3);
    assertThat(result.error()).isEqualTo("'removed' is not a valid ProfileRevisionStatus");
  }

  @Test
  void generate_invalidPayload_listsEveryProblemWithItsFile(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("bad.toml"), "schema = \"capsem.profile.v2\"\n");
    Files.writeString(dir.resolve("bad.json"), "{");
    CatalogGenerator.Result result =
        new CatalogGenerator(dir, "d", null, Map.of(), Map.of()).generate(blake3);
    assertThat(result.ok()).isFalse();
    assertThat(result.error()).endsWith("for ProfilePayloadV2");
    assertThat(result.diagnostics())
        .extracting(Diagnostic::file)
        .contains("d/bad.json", "d/bad.toml");
  }

  @ParameterizedTest
  @CsvSource({
    "a b, a%20b",
    "zeta+team.toml, zeta%2Bteam.toml",
    "x@y, x%40y",
    "é, %C3%A9",
    "A-z_0.~, A-z_0.~"
  })
  void quote_keepsOnlyUnreservedCharacters(String text, String expected) {
    assertThat(CatalogGenerator.quote(text, false)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "a.json, .json",
    "a.JSON, .json",
    ".json, ''",
    "a., ''",
    "a..toml, .toml",
    "x.json.minisig, .minisig"
  })
  void suffix_isPathlibs(String name, String expected) {
    assertThat(CatalogGenerator.suffix(name)).isEqualTo(expected);
  }
}

package dev.capsem.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.detection.DetectionPackReader;
import dev.capsem.core.internal.enforcement.EnforcementReader;
import dev.capsem.core.internal.image.verify.InventoryReader;
import dev.capsem.core.internal.manifest.AssetManifestReader;
import dev.capsem.core.internal.manifest.CatalogReader;
import dev.capsem.core.internal.policycontext.PolicyContextCorpus;
import dev.capsem.core.internal.profile.ProfileReader;
import dev.capsem.core.internal.settings.SettingsReader;
import dev.capsem.core.testing.Conformance;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 15, finding 8: a repeated key in any JSON document we read is E572 at the repeat (before,
 * the last value won silently while a reviewer reads the first). Each kind starts from a real
 * document of the conformance folder; no vector there relies on Python's last-key-wins.
 */
class DuplicateJsonKeyTest {

  @TempDir Path temp;

  @Test
  void read_repeatedKey_isE572AtTheRepeatInBothDialects() {
    String text = "{\n  \"a\": 1,\n  \"b\": 2,\n  \"a\": 3\n}";

    assertThatThrownBy(() -> JsonReader.read(text, JsonDialect.PYDANTIC))
        .isInstanceOfSatisfying(
            JsonSyntaxException.class,
            e -> {
              assertThat(e.code()).isEqualTo(Code.E572);
              assertThat(e.position().line()).isEqualTo(4);
              assertThat(e.position().column()).isEqualTo(3);
              assertThat(e.getMessage()).isEqualTo("duplicate key \"a\" at line 4 column 3");
            });
    assertThatThrownBy(() -> JsonReader.read(text, JsonDialect.PYTHON))
        .isInstanceOfSatisfying(
            JsonSyntaxException.class,
            e ->
                assertThat(e.getMessage())
                    .isEqualTo("Duplicate key \"a\": line 4 column 3 (char 24)"));
  }

  @Test
  void read_sameKeyInSiblingObjects_isAccepted() throws Exception {
    Node tree =
        JsonReader.read("[{\"a\": 1}, {\"a\": 2, \"b\": {\"a\": 3}}]", JsonDialect.PYDANTIC);

    assertThat(tree).isInstanceOf(ArrayNode.class);
  }

  @Test
  void read_keyRepeatedAfterAnEscape_isStillARepeat() {
    // "\u0061" is "a": the comparison is on the decoded key, as a reader of the data sees it.
    assertThatThrownBy(() -> JsonReader.read("{\"a\": 1, \"\\u0061\": 2}", JsonDialect.PYDANTIC))
        .isInstanceOfSatisfying(
            JsonSyntaxException.class, e -> assertThat(e.code()).isEqualTo(Code.E572));
  }

  /** A document kind we read, the vector it starts from, and its reader's diagnostics. */
  enum Kind {
    PROFILE_JSON(
        "schemas/fixtures/profile-v2-valid.json",
        (file, shown) -> ProfileReader.read(file, shown).diagnostics()),
    SETTINGS_JSON(
        "schemas/fixtures/service-settings-v2-complete.json",
        (file, shown) -> SettingsReader.read(file, shown, Map.of()).diagnostics()),
    CATALOG(
        "generated/manifest-signing/catalog/expected-manifest.json",
        (file, shown) -> CatalogReader.read(file, shown).diagnostics()),
    ASSET_MANIFEST(
        "generated/manifest-signing/asset-manifest-v2/expected-manifest-fresh.json",
        (file, shown) -> AssetManifestReader.read(file, shown).diagnostics()),
    ENFORCEMENT_PACK_JSON(
        "captured/f1a612a3/policy-detection/inputs/invalid1.json",
        (file, shown) -> EnforcementReader.read(file, shown).diagnostics()),
    IMAGE_INVENTORY(
        "derived/image-build/verify/inventory-x86_64-mismatch.json",
        (file, shown) -> InventoryReader.read(file, shown).diagnostics()),
    DETECTION_IR(
        "schemas/fixtures/detection-ir-v1-valid.json",
        (file, shown) -> {
          // We write Detection IR and never read it back; every JSON goes through one reader.
          try {
            JsonReader.read(Files.readString(file), JsonDialect.PYTHON);
            return List.of();
          } catch (JsonSyntaxException e) {
            return List.of(new Diagnostic(e.code(), shown, "", e.position(), e.getMessage()));
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });

    final String vector;
    final BiFunction<Path, String, List<Diagnostic>> read;

    Kind(String vector, BiFunction<Path, String, List<Diagnostic>> read) {
      this.vector = vector;
      this.read = read;
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void reader_vectorWithItsFirstKeyRepeated_isE572AtTheRepeat(Kind kind) throws Exception {
    String text = Conformance.text(kind.vector);
    ObjectNode.Member first =
        ((ObjectNode) JsonReader.read(text, JsonDialect.PYDANTIC)).entries().iterator().next();
    int brace = text.indexOf('{');
    String repeated =
        text.substring(0, brace + 1)
            + "\""
            + first.key()
            + "\": null, "
            + text.substring(brace + 1);
    Path file = temp.resolve("dup.json");
    Files.writeString(file, repeated, StandardCharsets.UTF_8);

    List<Diagnostic> diagnostics = kind.read.apply(file, "dup.json");

    assertThat(kind.read.apply(Conformance.file(kind.vector), "ok.json"))
        .as("the vector itself has no repeated key")
        .noneMatch(d -> d.code() == Code.E572);
    assertThat(diagnostics)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo(Code.E572);
              assertThat(d.position().line()).isEqualTo(first.keyPosition().line());
              assertThat(d.message()).contains("uplicate key \"" + first.key() + "\"");
            });
  }

  @Test
  void detectionPack_repeatedKey_isE572() throws Exception {
    Path file = temp.resolve("pack.json");
    Files.writeString(file, "{\"schema\": \"capsem.detection-pack.v1\",\n \"schema\": \"x\"}");

    assertThat(DetectionPackReader.read(file, "pack.json").diagnostics())
        .singleElement()
        .satisfies(d -> assertThat(d.code()).isEqualTo(Code.E572));
  }

  @Test
  void eventsCorpus_lineWithARepeatedKey_isE572AtThatLine() {
    String first =
        Conformance.text("data/policy-context/canonical-policy-contexts.jsonl")
            .lines()
            .findFirst()
            .orElseThrow();
    String repeated = "{\"schema\": null, " + first.substring(first.indexOf('{') + 1);

    PolicyContextCorpus corpus =
        PolicyContextCorpus.parse(first + "\n" + repeated + "\n", "events.jsonl");

    assertThat(corpus.ok()).isFalse();
    assertThat(corpus.problem().code()).isEqualTo(Code.E572);
    assertThat(corpus.problem().position().line()).isEqualTo(2);
  }
}

package dev.capsem.core.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.detection.DetectionPackReader;
import dev.capsem.core.internal.enforcement.EnforcementReader;
import dev.capsem.core.internal.image.verify.InventoryReader;
import dev.capsem.core.internal.manifest.AssetManifestReader;
import dev.capsem.core.internal.manifest.CatalogReader;
import dev.capsem.core.internal.policycontext.PolicyContextCorpus;
import dev.capsem.core.internal.workspace.GuestConfigs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, finding 10: a parse error names its own kind of file (not upstream's {@code settings},
 * which is the settings file's) and carries a line and column.
 */
class ParseErrorLabelsTest {

  @TempDir Path dir;

  /** Valid text up to line 3, then a byte that is not UTF-8. */
  private static final byte[] NOT_UTF8 = {'{', '\n', ' ', '\n', ' ', ' ', (byte) 0xff, '}'};

  private static Diagnostic only(List<Diagnostic> diagnostics) {
    assertThat(diagnostics).hasSize(1);
    Diagnostic d = diagnostics.get(0);
    assertThat(d.code()).isEqualTo(Code.E002);
    assertThat(d.position()).as("line and column of %s", d).isNotNull();
    return d;
  }

  @Test
  void catalog_notUtf8_isLabelledCatalogAtTheByte() throws Exception {
    Diagnostic d = only(CatalogReader.read(NOT_UTF8, "manifest.json").diagnostics());

    assertThat(d.path()).isEqualTo("catalog");
    assertThat(d.position().line()).isEqualTo(3);
  }

  @Test
  void assetManifest_notUtf8_isLabelledAssetManifest() {
    assertThat(only(AssetManifestReader.read(NOT_UTF8, "manifest.json").diagnostics()).path())
        .isEqualTo("asset_manifest");
  }

  @Test
  void inventory_notUtf8_isLabelledImageInventory() throws Exception {
    Path file = Files.write(dir.resolve("image-inventory.json"), NOT_UTF8);

    assertThat(only(InventoryReader.read(file, "image-inventory.json").diagnostics()).path())
        .isEqualTo("image_inventory");
  }

  @Test
  void enforcementPack_tomlSyntaxError_isLabelledEnforcementPackAtItsLine() throws Exception {
    Path file = Files.writeString(dir.resolve("pack.toml"), "schema = \"x\"\nid = \n");

    Diagnostic d = only(EnforcementReader.read(file, "pack.toml").diagnostics());

    assertThat(d.path()).isEqualTo("enforcement_pack");
    assertThat(d.position().line()).isEqualTo(2);
  }

  @Test
  void detectionPack_yamlSyntaxError_isLabelledDetectionPackAtItsLine() throws Exception {
    Path file = Files.writeString(dir.resolve("pack.yml"), "schema: x\nid: [unclosed\n");

    Diagnostic d = only(DetectionPackReader.read(file, "pack.yml").diagnostics());

    assertThat(d.path()).isEqualTo("detection_pack");
    assertThat(d.position().line()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void detectionPack_emptyYaml_isAtTheFirstLine() throws Exception {
    Path file = Files.writeString(dir.resolve("pack.yml"), "");

    Diagnostic d = only(DetectionPackReader.read(file, "pack.yml").diagnostics());

    assertThat(d.message()).isEqualTo("detection pack YAML must contain a mapping object");
    assertThat(d.position().line()).isEqualTo(1);
  }

  @Test
  void eventsFile_notUtf8_isAtTheBadByte() throws Exception {
    Path file = Files.write(dir.resolve("events.jsonl"), NOT_UTF8);

    PolicyContextCorpus corpus = PolicyContextCorpus.read(file, "events.jsonl");

    assertThat(corpus.problem().position()).isNotNull();
    assertThat(corpus.problem().position().line()).isEqualTo(3);
  }

  @Test
  void guestConfigToml_notUtf8_isAtTheBadByte() throws Exception {
    Path config = Files.createDirectories(dir.resolve("guest/config"));
    Files.write(config.resolve("build.toml"), new byte[] {'#', '\n', (byte) 0xc3, '('});

    GuestConfigs.Loaded loaded = GuestConfigs.load(dir.resolve("guest"), "guest");

    assertThat(loaded.diagnostics())
        .filteredOn(d -> d.code() == Code.E002)
        .singleElement()
        .satisfies(d -> assertThat(d.position().line()).isEqualTo(2));
  }
}

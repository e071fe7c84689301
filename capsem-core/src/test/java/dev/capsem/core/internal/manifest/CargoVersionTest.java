package dev.capsem.core.internal.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.testing.Conformance;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The binary version upstream's gen_manifest.py reads from Cargo.toml. */
class CargoVersionTest {

  @Test
  void cargoVersion_vectorsCargoToml_isTheFreshManifestsBinaryVersion() {
    Path cargo = Conformance.file("generated/manifest-signing/asset-manifest-v2/Cargo.toml.txt");

    // binaries.current of expected-manifest-fresh.json, which upstream made from this file
    assertThat(ManifestFlow.cargoVersion(cargo)).isEqualTo("1.0.1776688771");
  }

  @Test
  void cargoVersion_firstVersionLine_withoutQuotes(@TempDir Path dir) throws Exception {
    Path cargo =
        Files.writeString(dir.resolve("Cargo.toml"), "[workspace.package]\nversion = \"1.0.17\"\n");

    assertThat(ManifestFlow.cargoVersion(cargo)).isEqualTo("1.0.17");
  }

  @Test
  void cargoVersion_noVersionLine_isNull(@TempDir Path dir) throws Exception {
    Path cargo = Files.writeString(dir.resolve("Cargo.toml"), "[package]\nname = \"x\"\n");

    assertThat(ManifestFlow.cargoVersion(cargo)).isNull();
  }

  @Test
  void cargoVersion_missingFile_isNull(@TempDir Path dir) {
    assertThat(ManifestFlow.cargoVersion(dir.resolve("Cargo.toml"))).isNull();
  }
}

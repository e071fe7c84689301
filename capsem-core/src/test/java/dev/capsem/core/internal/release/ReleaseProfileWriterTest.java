package dev.capsem.core.internal.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.TextReport;
import dev.capsem.core.internal.image.AssetReleaseWriter;
import dev.capsem.core.internal.profile.ArchAssets;
import dev.capsem.core.internal.profile.Profile;
import dev.capsem.core.internal.profile.ProfileReader;
import dev.capsem.core.ports.FileAccess;
import dev.capsem.core.testing.Conformance;
import dev.capsem.core.testing.Reports;
import dev.capsem.core.testing.Sha256Hasher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The release profile: the source profile describing exactly the assets that were built. */
class ReleaseProfileWriterTest {

  @TempDir Path temp;
  private Path assets;
  private Path profile;

  @BeforeEach
  void setUp() throws Exception {
    profile = temp.resolve("coding.profile.toml");
    Files.write(profile, Conformance.bytes("config/profiles/base/coding.profile.toml"));
    assets = Files.createDirectories(temp.resolve("assets/x86_64"));
    Files.writeString(assets.resolve("vmlinuz"), "kernel");
    Files.writeString(assets.resolve("initrd.img"), "initrd!");
    Files.writeString(assets.resolve("rootfs.squashfs"), "rootfs bytes");
    AssetReleaseWriter.checksumsAndManifest(new Sha256Hasher())
        .write(temp.resolve("assets"), LocalDate.of(2026, 4, 21), "1.0.0", null);
  }

  private Outcome<TextReport> derive(String arch, String base) {
    return ReleaseProfileWriter.write(
        ProfileReader.read(profile, "coding.profile.toml").profile(),
        new GivenPath(profile, "coding.profile.toml"),
        new GivenPath(temp.resolve("assets"), "assets"),
        arch,
        base,
        new GivenPath(temp.resolve("release/coding.json"), "release/coding.json"),
        FileAccess.local());
  }

  @Test
  void releaseProfile_builtArch_describesTheBuiltFilesAndDropsTheOthers() throws Exception {
    Outcome<TextReport> outcome = derive("x86_64", "https://assets.corp.example/capsem/coding/");

    assertThat(outcome.ok()).as(String.valueOf(outcome.diagnostics())).isTrue();
    Profile written =
        ProfileReader.read(temp.resolve("release/coding.json"), "release/coding.json").profile();
    Profile source = ProfileReader.read(profile, "coding.profile.toml").profile();
    assertThat(written.vm().assets()).containsOnlyKeys("x86_64");
    ArchAssets x86 = written.vm().assets().get("x86_64");
    assertThat(x86.rootfs().url())
        .isEqualTo("https://assets.corp.example/capsem/coding/x86_64/rootfs.squashfs");
    assertThat(x86.rootfs().signatureUrl()).isEqualTo(x86.rootfs().url() + ".minisig");
    assertThat(x86.rootfs().size()).isEqualTo("rootfs bytes".length());
    assertThat(x86.rootfs().hash())
        .isEqualTo("blake3:" + new Sha256Hasher().hexOfFile(assets.resolve("rootfs.squashfs")));
    assertThat(x86.kernel().fileName()).isEqualTo("vmlinuz");
    assertThat(x86.initrd().fileName()).isEqualTo("initrd.img");
    assertThat(x86.rootfs().contentType())
        .isEqualTo(source.vm().assets().get("x86_64").rootfs().contentType());
    assertThat(written.packages()).isEqualTo(source.packages());
    assertThat(written.reference()).isEqualTo(source.reference());
    assertThat(Reports.tree(outcome).string("schema")).isEqualTo("capsem.release-profile.v1");
    assertThat(outcome.value().summary())
        .containsExactly(
            "describes: x86_64 of asset release 2026.0421.1 at"
                + " https://assets.corp.example/capsem/coding",
            "release profile: release/coding.json (coding@2026.0520.1)");
  }

  @Test
  void releaseProfile_withoutBaseUrl_pointsAtTheLocalFolder() {
    Outcome<TextReport> outcome = derive("x86_64", null);

    assertThat(outcome.ok()).isTrue();
    assertThat(Reports.tree(outcome).string("asset_base_url"))
        .isEqualTo(temp.resolve("assets").toUri().toString().replaceAll("/$", ""));
  }

  @Test
  void releaseProfile_archNotBuilt_isE411AndWritesNothing() {
    Outcome<TextReport> outcome = derive("all", "https://assets.corp.example");

    assertThat(outcome.ok()).isFalse();
    assertThat(outcome.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo(Code.E411);
              assertThat(d.message())
                  .isEqualTo("arch arm64 not found in asset release 2026.0421.1: build it first");
            });
    assertThat(temp.resolve("release/coding.json")).doesNotExist();
  }

  @Test
  void releaseProfile_noAssetManifest_isE016SayingToBuildFirst() throws Exception {
    Files.delete(temp.resolve("assets/manifest.json"));

    Outcome<TextReport> outcome = derive("x86_64", null);

    assertThat(outcome.error())
        .isEqualTo("no asset manifest assets/manifest.json: build the image first");
    assertThat(outcome.diagnostics()).extracting(d -> d.code()).containsExactly(Code.E016);
  }
}

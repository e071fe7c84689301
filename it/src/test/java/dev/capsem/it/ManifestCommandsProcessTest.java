package dev.capsem.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.testing.Conformance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/capsem-admin manifest ...} and {@code hash} as separate processes, run from the
 * folders upstream ran in, so that outputs compare byte for byte with relative paths.
 */
class ManifestCommandsProcessTest {

  private static final String CATALOG = "generated/manifest-signing/catalog";
  private static final String ASSETS = "generated/manifest-signing/asset-manifest-v2";

  @TempDir Path dir;

  @Test
  void manifestGenerate_fromTheCatalogFolder_printsTheExpectedManifest() throws Exception {
    AdminProcess.Run run =
        AdminProcess.run(
                Conformance.file(CATALOG),
                "manifest",
                "generate",
                "--profiles",
                "profiles",
                "--base-url",
                "https://profiles.example.com/catalog/",
                "--status",
                "corp-dev@2026.0520.2=deprecated")
            .assertNoStackTrace();
    assertThat(run.exitCode()).isZero();
    assertThat(run.stdout()).isEqualTo(Conformance.text(CATALOG + "/expected-manifest.json"));
  }

  @Test
  void manifestAssets_withSourceDateEpoch_writesTheExpectedFreshManifest() throws Exception {
    Path source = Conformance.file(ASSETS);
    try (Stream<Path> walk = Files.walk(source)) {
      for (Path path : walk.toList()) {
        Path target = dir.resolve(source.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
    Files.move(dir.resolve("Cargo.toml.txt"), dir.resolve("Cargo.toml"));
    AdminProcess.Run run =
        AdminProcess.run(
                dir,
                Map.of("SOURCE_DATE_EPOCH", "1776729600"),
                "manifest",
                "assets",
                "assets",
                "--cargo-toml",
                "Cargo.toml")
            .assertNoStackTrace();
    assertThat(run.exitCode()).isZero();
    assertThat(run.stdout())
        .isEqualTo(
            "  manifest.json: assets/manifest.json (assets 2026.0421.1, binary 1.0.1776688771, 6 assets)\n");
    assertThat(Files.readString(dir.resolve("assets/manifest.json")))
        .isEqualTo(Conformance.text(ASSETS + "/expected-manifest-fresh.json"));
  }

  @Test
  void manifestSign_relativePaths_printsUpstreamsSignReport_andVerifies() throws Exception {
    Files.createDirectories(dir.resolve("keys"));
    Files.copy(
        Conformance.file(CATALOG + "/expected-manifest.json"),
        dir.resolve("catalog-manifest.json"));
    for (String key : new String[] {"test-unencrypted.key", "test-unencrypted.pub"}) {
      Files.copy(
          Conformance.file("generated/manifest-signing/signing/" + key),
          dir.resolve("keys/" + key));
    }
    AdminProcess.Run sign =
        AdminProcess.run(
                dir,
                "manifest",
                "sign",
                "catalog-manifest.json",
                "--key",
                "keys/test-unencrypted.key",
                "--json")
            .assertNoStackTrace();
    assertThat(sign.exitCode()).isZero();
    assertThat(sign.stdout())
        .isEqualTo(Conformance.text("generated/manifest-signing/reports/sign-report.json"));
    AdminProcess.Run verify =
        AdminProcess.run(
                dir,
                "manifest",
                "verify-signature",
                "catalog-manifest.json",
                "--signature",
                "catalog-manifest.json.minisig",
                "--pubkey",
                "keys/test-unencrypted.pub")
            .assertNoStackTrace();
    assertThat(verify.exitCode()).isZero();
    assertThat(verify.stdout()).isEqualTo("verified catalog-manifest.json\n");
  }

  @Test
  void manifestCheck_missingSignature_exitsOneWithUpstreamsLines() throws Exception {
    Files.createDirectories(dir.resolve("profiles"));
    Files.copy(
        Conformance.file("schemas/fixtures/profile-v2-valid.json"),
        dir.resolve("profiles/everyday-work.json"));
    AdminProcess.run(
        dir, "manifest", "generate", "--profiles", "profiles", "--out", "manifest.json");
    AdminProcess.Run run =
        AdminProcess.run(dir, "manifest", "check", "manifest.json", "--fast").assertNoStackTrace();
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stdout())
        .isEqualTo("manifest: manifest.json\nmode: fast\nprofiles: 1\nchecks: 1/2 ok\n");
    assertThat(run.stderr())
        .isEqualTo(
            "everyday-work@2026.0520.1 profile_signature: missing file://"
                + dir.toRealPath()
                + "/profiles/everyday-work.json.minisig\n");
  }

  @Test
  void hash_matchesB3sumOnTheSameArguments() throws Exception {
    Files.writeString(dir.resolve("a.txt"), "hello");
    Files.write(dir.resolve("big.bin"), new byte[3 * 1024 * 1024 + 1]);
    AdminProcess.Run run = AdminProcess.run(dir, "hash", "a.txt", "big.bin").assertNoStackTrace();
    assertThat(run.exitCode()).isZero();
    Path b3sum = Path.of("/usr/bin/b3sum");
    if (!Files.isExecutable(b3sum)) {
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError("b3sum is not installed");
      }
      org.junit.jupiter.api.Assumptions.abort("b3sum is not installed");
    }
    Process process =
        new ProcessBuilder(b3sum.toString(), "a.txt", "big.bin").directory(dir.toFile()).start();
    String expected =
        new String(
            process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(process.waitFor()).isZero();
    assertThat(run.stdout()).isEqualTo(expected);
  }
}

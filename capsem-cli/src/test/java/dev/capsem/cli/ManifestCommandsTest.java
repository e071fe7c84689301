package dev.capsem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.BooleanNode;
import dev.capsem.core.internal.json.JsonDialect;
import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.json.JsonReader;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.json.StringNode;
import dev.capsem.core.ports.KeyProtection;
import dev.capsem.core.ports.PasswordSource;
import dev.capsem.core.ports.SignatureComments;
import dev.capsem.core.testing.Conformance;
import dev.capsem.signing.Blake3;
import dev.capsem.signing.Minisign;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code manifest generate|assets|check|resolve} end to end in process: the catalog and
 * asset-manifest vectors, the check report vectors on a tree laid out like upstream's
 * ({@code @ROOT@/profiles/corp-dev.json}, {@code @ROOT@/assets/*}, file URLs), and {@code
 * --previous}.
 */
class ManifestCommandsTest {

  private static final String REPORTS = "generated/manifest-signing/reports/";
  private static final String CATALOG = "generated/manifest-signing/catalog/";

  @TempDir Path root;

  // Catalog generation.

  @Test
  void generate_toStdout_isTheExpectedManifest() {
    Admin.Run run =
        Admin.run(
            "manifest",
            "generate",
            "--profiles",
            Conformance.file(CATALOG + "profiles").toString(),
            "--base-url",
            "https://profiles.example.com/catalog/",
            "--status",
            "corp-dev@2026.0520.2=deprecated");
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.stdout()).isEqualTo(Conformance.text(CATALOG + "expected-manifest.json"));
  }

  @Test
  void generate_toFile_writesOnceAndRefusesToOverwrite() throws Exception {
    Path out = root.resolve("m.json");
    String[] args = {
      "manifest", "generate", "--profiles", Conformance.file(CATALOG + "profiles").toString(),
      "--base-url", "https://profiles.example.com/catalog/", "--out", out.toString()
    };
    Admin.Run run = Admin.run(args);
    assertThat(run.stdout()).isEqualTo("created " + out + "\n");
    assertThat(Files.readString(out))
        .isEqualTo(Conformance.text(CATALOG + "expected-manifest-no-status.json"));
    Admin.Run again = Admin.run(args);
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.stderr())
        .isEqualTo("Error: " + out + " already exists; pass --force to overwrite\n");
  }

  @ParameterizedTest
  @CsvSource({
    "--status, corp-dev=deprecated, Error: --status must use profile@revision=status",
    "--status, corp-dev@2026.0520.2, Error: --status must use profile@revision=status",
    "--current, corp-dev, Error: --current must use profile=revision",
  })
  void generate_malformedOverride_isUpstreamsError(String option, String value, String error) {
    Admin.Run run =
        Admin.run(
            "manifest",
            "generate",
            "--profiles",
            Conformance.file(CATALOG + "profiles").toString(),
            option,
            value);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stderr()).isEqualTo(error + "\n");
  }

  @Test
  void generate_missingProfilesFolder_isUsageError() {
    Admin.Run run = Admin.run("manifest", "generate", "--profiles", "no-such-dir");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr())
        .contains("Invalid value for '--profiles': Directory 'no-such-dir' does not exist.");
  }

  // Asset manifests.

  private Path assetsCopy() throws Exception {
    Path source = Conformance.file("generated/manifest-signing/asset-manifest-v2");
    try (Stream<Path> walk = Files.walk(source)) {
      for (Path path : walk.toList()) {
        Path target = root.resolve(source.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
    return root;
  }

  @Test
  void assets_freshAndAfterExisting_areTheExpectedManifestsByteForByte() throws Exception {
    Path dir = assetsCopy();
    Admin.Run fresh =
        Admin.run(
            "manifest",
            "assets",
            dir.resolve("assets").toString(),
            "--cargo-toml",
            dir.resolve("Cargo.toml.txt").toString());
    assertThat(fresh.exitCode()).as(fresh.stderr()).isZero();
    assertThat(fresh.stdout())
        .isEqualTo(
            "  manifest.json: "
                + dir.resolve("assets")
                + "/manifest.json (assets 2026.0421.1, binary 1.0.1776688771, 6 assets)\n");
    assertThat(Files.readString(dir.resolve("assets/manifest.json")))
        .isEqualTo(
            Conformance.text(
                "generated/manifest-signing/asset-manifest-v2/expected-manifest-fresh.json"));
    Files.copy(
        dir.resolve("existing-manifest.json"),
        dir.resolve("assets/manifest.json"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Admin.Run after =
        Admin.run(
            "manifest",
            "assets",
            dir.resolve("assets").toString(),
            "--binary-version",
            "1.0.1776688771");
    assertThat(after.exitCode()).as(after.stderr()).isZero();
    assertThat(Files.readString(dir.resolve("assets/manifest.json")))
        .isEqualTo(
            Conformance.text(
                "generated/manifest-signing/asset-manifest-v2/expected-manifest-after-existing.json"));
  }

  @Test
  void assets_merge_keepsOlderReleasesAndRefusesAnInvalidManifest() throws Exception {
    Path dir = assetsCopy();
    String assets = dir.resolve("assets").toString();
    Admin.run("manifest", "assets", assets, "--binary-version", "1.0.1");
    Admin.Run merged =
        Admin.run("manifest", "assets", assets, "--binary-version", "1.0.2", "--merge");
    assertThat(merged.exitCode()).as(merged.stderr()).isZero();
    String text = Files.readString(dir.resolve("assets/manifest.json"));
    assertThat(text)
        .contains(
            "\"current\": \"2026.0421.2\"",
            "\"2026.0421.1\": {",
            "\"2026.0421.2\": {",
            "\"1.0.1\": {",
            "\"current\": \"1.0.2\"");
    Files.copy(
        dir.resolve("existing-manifest.json"),
        dir.resolve("assets/manifest.json"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Admin.Run refused =
        Admin.run("manifest", "assets", assets, "--binary-version", "1.0.3", "--merge");
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.stderr())
        .startsWith(
            "Error: cannot merge into "
                + assets
                + "/manifest.json: it is not a valid format-2 manifest\n")
        .contains("error[E001]", "missing field `arches`");
  }

  @Test
  void assets_withoutB3sums_writesItLikeB3sum() throws Exception {
    Path dir = assetsCopy();
    Files.delete(dir.resolve("assets/B3SUMS"));
    Admin.Run run =
        Admin.run(
            "manifest", "assets", dir.resolve("assets").toString(), "--binary-version", "1.0.1");
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(Files.readString(dir.resolve("assets/B3SUMS")))
        .isEqualTo(
            String.join(
                "",
                Conformance.text("generated/manifest-signing/asset-manifest-v2/assets/B3SUMS")
                    .lines()
                    .sorted(java.util.Comparator.comparing((String l) -> l.substring(66)))
                    .map(l -> l + "\n")
                    .toList()));
  }

  @Test
  void assets_noBinaryVersion_isE409() throws Exception {
    Path dir = assetsCopy();
    Admin.Run run = Admin.run("manifest", "assets", dir.resolve("assets").toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stderr()).startsWith("Error: the binary version is unknown\nerror[E409]");
  }

  // Resolve.

  @Test
  void resolve_printsTheReleaseOrTheRefusal() throws Exception {
    Path manifest =
        Conformance.file(
            "generated/manifest-signing/asset-manifest-v2/expected-manifest-fresh.json");
    Admin.Run ok =
        Admin.run(
            "manifest",
            "resolve",
            manifest.toString(),
            "--binary-version",
            "1.0.1776688771",
            "--arch",
            "aarch64");
    assertThat(ok.exitCode()).isZero();
    assertThat(ok.stdout())
        .isEqualTo(
            "binary 1.0.1776688771 boots asset release 2026.0421.1\n"
                + "  arm64/vmlinuz  f9ae6e9bde83f2cbe5a22838340fdd2024c45a24516e5eb184248e1413aa41e4  12\n"
                + "  arm64/initrd.img  eb79698ac12564ac7dacc1dc6e3b55e8a93d655d1062d5c9a08ce22111c3cdb7  12\n"
                + "  arm64/rootfs.squashfs  5539d7bee1fcced4595ca2bcc327049fb87b3f4cf11323a1f65672bcca41604c  12\n");
    Admin.Run old =
        Admin.run("manifest", "resolve", manifest.toString(), "--binary-version", "0.9.0");
    assertThat(old.exitCode()).isEqualTo(1);
    assertThat(old.stderr())
        .isEqualTo(
            "error[E410] "
                + manifest
                + ": no compatible asset release for binary 0.9.0 (min_assets: unspecified)\n");
    Admin.Run json =
        Admin.run(
            "manifest",
            "resolve",
            manifest.toString(),
            "--binary-version",
            "1.0.1776688771",
            "--json");
    assertThat(json.stdout()).contains("\"asset_version\": \"2026.0421.1\"", "\"x86_64\": {");
  }

  // Check reports against upstream's, on upstream's layout.

  private Path manifest;
  private String keyId;

  @BeforeEach
  void layOutLikeUpstream() throws Exception {
    Files.createDirectories(root.resolve("profiles"));
    Files.createDirectories(root.resolve("assets"));
    Files.createDirectories(root.resolve("keys"));
    Path pub = root.resolve("keys/test-unencrypted.pub");
    Path key = root.resolve("keys/test-unencrypted.key");
    keyId =
        Minisign.keyGenerator().generateFiles(pub, key, KeyProtection.unencrypted(), false).hex();
    String profile =
        Conformance.text("schemas/fixtures/profile-v2-valid.json")
            .replace("\"id\": \"everyday-work\"", "\"id\": \"corp-dev\"")
            .replace("\"revision\": \"2026.0520.1\"", "\"revision\": \"2026.0520.16\"")
            .replace(
                "https://assets.capsem.dev/vm/everyday-work/2026.0520.1/arm64/",
                "file://" + root + "/assets/")
            .replace("blake3:" + "a".repeat(64), "blake3:" + hex("kernel"))
            .replace("blake3:" + "b".repeat(64), "blake3:" + hex("initrd"))
            .replace("blake3:" + "c".repeat(64), "blake3:" + hex("rootfs"))
            .replace("7797248", "6")
            .replace("2270154", "6")
            .replace("454230016", "6");
    Files.writeString(root.resolve("profiles/corp-dev.json"), profile);
    sign(root.resolve("profiles/corp-dev.json"), key);
    for (String[] asset :
        new String[][] {
          {"vmlinuz", "kernel"}, {"initrd.img", "initrd"}, {"rootfs.squashfs", "rootfs"}
        }) {
      Files.writeString(root.resolve("assets/" + asset[0]), asset[1]);
      sign(root.resolve("assets/" + asset[0]), key);
    }
    manifest = root.resolve("manifest.json");
    Admin.Run run =
        Admin.run(
            "manifest",
            "generate",
            "--profiles",
            root.resolve("profiles").toString(),
            "--out",
            manifest.toString());
    assertThat(run.exitCode()).as(run.stderr()).isZero();
  }

  private static String hex(String text) {
    return Blake3.hasher().hex(text.getBytes(StandardCharsets.UTF_8));
  }

  private static void sign(Path file, Path key) throws Exception {
    Minisign.signer()
        .signFile(
            file,
            key,
            PasswordSource.none(),
            SignatureComments.defaults(file.getFileName().toString(), 1776729600L),
            file.resolveSibling(file.getFileName() + ".minisig"));
  }

  private Admin.Run check(String... options) {
    String[] args = new String[3 + options.length];
    args[0] = "manifest";
    args[1] = "check";
    args[2] = manifest.toString();
    System.arraycopy(options, 0, args, 3, options.length);
    return Admin.run(args);
  }

  /**
   * A report with the folder replaced by {@code @ROOT@} (in URLs and messages) or removed (in paths
   * given relative upstream), and the values that depend on the folder's name masked: the payload's
   * size and hash (its asset URLs contain the folder) and the URL digests of download file names.
   * {@code keepDownloadPaths} false drops download paths (ours keeps no file of a failed revision,
   * so it reports none).
   */
  private String comparable(String json, boolean keepDownloadPaths) throws Exception {
    String text =
        json.replace("file://" + root, "file://@ROOT@")
            .replace("found: " + root, "found: @ROOT@")
            .replace(root + "/", "");
    return JsonPrinter.pretty()
        .printLine(mask(JsonReader.read(text, JsonDialect.PYDANTIC), false, keepDownloadPaths));
  }

  private static final Set<String> PAYLOAD_DEPENDENT =
      Set.of("content_length", "actual_size", "expected_size", "expected_hash", "actual_hash");

  private static Node mask(Node node, boolean payload, boolean keepDownloadPaths) {
    if (node instanceof ArrayNode array) {
      return ArrayNode.of(
          array.items().stream().map(n -> mask(n, false, keepDownloadPaths)).toList());
    }
    if (!(node instanceof ObjectNode object)) {
      return node;
    }
    boolean isPayload = "profile_payload".equals(object.string("kind"));
    ObjectNode.Builder out = ObjectNode.builder();
    for (ObjectNode.Member member : object.entries()) {
      Node value = member.value();
      if (member.key().equals("catalog_signature")) {
        // Ours (D20), which upstream's reports do not have: asserted on its own.
        continue;
      }
      if (member.key().equals("download_path")) {
        if (!keepDownloadPaths) {
          continue;
        }
        value =
            StringNode.of(((StringNode) value).value().replaceAll("-[0-9a-f]{16}", "-<digest>"));
      } else if (isPayload && PAYLOAD_DEPENDENT.contains(member.key())) {
        value = StringNode.of("<payload-dependent>");
      } else {
        value = mask(value, isPayload, keepDownloadPaths);
      }
      out.put(member.key(), value);
    }
    return out.build();
  }

  private String upstream(String vector, boolean keepDownloadPaths) throws Exception {
    return comparable(Conformance.text(REPORTS + vector), keepDownloadPaths);
  }

  @Test
  void checkFast_intact_isUpstreamsFastOkReport() throws Exception {
    Admin.Run run = check("--fast", "--json");
    assertThat(run.exitCode()).isZero();
    assertThat(comparable(run.stdout(), true)).isEqualTo(upstream("check-fast-ok.json", true));
  }

  @Test
  void checkFast_signatureDeleted_isUpstreamsMissingSignatureReport() throws Exception {
    Files.delete(root.resolve("profiles/corp-dev.json.minisig"));
    Admin.Run run = check("--fast", "--json");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(comparable(run.stdout(), true))
        .isEqualTo(upstream("check-fast-missing-signature.json", true));
    Admin.Run text = check("--fast");
    assertThat(relativeText(text.stdout()))
        .isEqualTo("manifest: manifest.json\nmode: fast\nprofiles: 1\nchecks: 1/2 ok\n");
    assertThat(text.stderr().replace(root.toString(), "@ROOT@"))
        .isEqualTo(
            "corp-dev@2026.0520.16 profile_signature: missing file://@ROOT@/profiles/corp-dev.json.minisig\n");
  }

  private String relativeText(String text) {
    return text.replace(root + "/", "");
  }

  @Test
  void checkFast_payloadChanged_isUpstreamsHashMismatchReport() throws Exception {
    Files.writeString(
        root.resolve("profiles/corp-dev.json"), " \n", java.nio.file.StandardOpenOption.APPEND);
    Admin.Run run = check("--fast", "--json");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(comparable(run.stdout(), true))
        .isEqualTo(upstream("check-fast-hash-mismatch.json", true));
  }

  /**
   * Signs the catalog with the test key: with {@code --pubkey} ours verifies the catalog's own
   * signature first and fails closed without it (D20, issue 15), which upstream never checks.
   */
  private void signCatalog() throws Exception {
    sign(manifest, root.resolve("keys/test-unencrypted.key"));
  }

  private void assertCatalogSignatureVerified(Admin.Run run) throws Exception {
    ObjectNode signature =
        (ObjectNode)
            ((ObjectNode) JsonReader.read(run.stdout(), JsonDialect.PYDANTIC))
                .get("catalog_signature");
    assertThat(((BooleanNode) signature.get("ok")).value()).isTrue();
    assertThat(signature.string("key_id")).isEqualTo(keyId);
  }

  @Test
  void checkDownload_intact_isUpstreamsDownloadOkReport() throws Exception {
    signCatalog();
    Admin.Run run =
        check(
            "--download",
            "--download-dir",
            root.resolve("dl").toString(),
            "--pubkey",
            root.resolve("keys/test-unencrypted.pub").toString(),
            "--json");
    assertThat(run.exitCode()).as(run.stdout()).isZero();
    assertCatalogSignatureVerified(run);
    assertThat(comparable(run.stdout(), true)).isEqualTo(upstream("check-download-ok.json", true));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "check-download-signature-invalid.json, dl2, profiles/corp-dev.json.minisig, 'not a minisign signature\n'",
    "check-download-asset-size-mismatch.json, dl3, assets/rootfs.squashfs, tampered",
    "check-download-asset-hash-mismatch.json, dl4, assets/rootfs.squashfs, rootfz",
  })
  void checkDownload_broken_isUpstreamsReportWithoutKeptFiles(
      String vector, String dir, String file, String bytes) throws Exception {
    signCatalog();
    Files.writeString(root.resolve(file), bytes.replace("\\n", "\n"));
    Admin.Run run =
        check(
            "--download",
            "--download-dir",
            root.resolve(dir).toString(),
            "--pubkey",
            root.resolve("keys/test-unencrypted.pub").toString(),
            "--json");
    assertThat(run.exitCode()).isEqualTo(1);
    assertCatalogSignatureVerified(run);
    // Ours: a failed revision keeps no file, so its checks carry no download_path.
    assertThat(comparable(run.stdout(), true)).doesNotContain("download_path");
    assertThat(comparable(run.stdout(), false)).isEqualTo(upstream(vector, false));
    try (Stream<Path> walk = Files.walk(root.resolve(dir))) {
      assertThat(walk.filter(Files::isRegularFile).toList()).isEmpty();
    }
  }

  // --previous.

  @Test
  void checkPrevious_samePublication_passes() throws Exception {
    Path previous = Files.copy(manifest, root.resolve("previous.json"));
    Admin.Run run = check("--fast", "--previous", previous.toString(), "--json");
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.stdout()).contains("\"previous\": {", "\"ok\": true,\n    \"diagnostics\": []");
  }

  @Test
  void checkPrevious_replacedPayload_isE415() throws Exception {
    Path previous = Files.copy(manifest, root.resolve("previous.json"));
    String profile = Files.readString(root.resolve("profiles/corp-dev.json"));
    Files.writeString(
        root.resolve("profiles/corp-dev.json"),
        profile.replace("\"name\": \"Everyday Work\"", "\"name\": \"Everyday Work 2\""));
    Admin.run(
        "manifest",
        "generate",
        "--profiles",
        root.resolve("profiles").toString(),
        "--out",
        manifest.toString(),
        "--force");
    Admin.Run run = check("--fast", "--previous", previous.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stderr())
        .contains(
            "error[E415] "
                + manifest
                + ": profiles.corp-dev.revisions.2026.0520.16.profile_hash: corp-dev@2026.0520.16: the payload changed under the same revision");
  }

  @Test
  void checkPrevious_currentMovedBackwards_isE416() throws Exception {
    String profile = Files.readString(root.resolve("profiles/corp-dev.json"));
    Files.writeString(
        root.resolve("profiles/corp-dev-17.json"),
        profile.replace("\"revision\": \"2026.0520.16\"", "\"revision\": \"2026.0520.17\""));
    Admin.run(
        "manifest",
        "generate",
        "--profiles",
        root.resolve("profiles").toString(),
        "--out",
        root.resolve("previous.json").toString());
    Admin.run(
        "manifest",
        "generate",
        "--profiles",
        root.resolve("profiles").toString(),
        "--current",
        "corp-dev=2026.0520.16",
        "--out",
        manifest.toString(),
        "--force");
    Admin.Run run =
        check("--fast", "--previous", root.resolve("previous.json").toString(), "--json");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stdout())
        .contains(
            "\"message\": \"corp-dev: current revision moved backwards from 2026.0520.17 to 2026.0520.16\",",
            "\"code\": \"E416\"");
  }

  @Test
  void checkPrevious_vanishedActiveRevision_isE417() throws Exception {
    String profile = Files.readString(root.resolve("profiles/corp-dev.json"));
    Path extra = root.resolve("profiles/corp-dev-17.json");
    Files.writeString(
        extra, profile.replace("\"revision\": \"2026.0520.16\"", "\"revision\": \"2026.0520.17\""));
    Admin.run(
        "manifest",
        "generate",
        "--profiles",
        root.resolve("profiles").toString(),
        "--current",
        "corp-dev=2026.0520.16",
        "--out",
        root.resolve("previous.json").toString());
    Files.delete(extra);
    Admin.run(
        "manifest",
        "generate",
        "--profiles",
        root.resolve("profiles").toString(),
        "--out",
        manifest.toString(),
        "--force");
    Admin.Run run = check("--fast", "--previous", root.resolve("previous.json").toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stderr())
        .contains(
            "error[E417] "
                + manifest
                + ": profiles.corp-dev.revisions.2026.0520.17: corp-dev@2026.0520.17 was active and is no longer in the catalog");
    assertThat(run.stderr()).doesNotContain("E416");
  }

  // Option rules.

  @Test
  void check_optionRules_areUpstreams() {
    assertThat(check().stderr()).isEqualTo("Error: pass exactly one of --fast or --download\n");
    assertThat(check("--fast", "--download").exitCode()).isEqualTo(1);
    Admin.Run pubkeyFast =
        check("--fast", "--pubkey", root.resolve("keys/test-unencrypted.pub").toString());
    assertThat(pubkeyFast.exitCode()).isEqualTo(1);
    assertThat(pubkeyFast.stderr()).isEqualTo("Error: --pubkey requires --download\n");
    assertThat(check("--download", "--pubkey", "missing.pub").exitCode()).isEqualTo(2);
    assertThat(Admin.run("manifest", "check", "missing.json", "--fast").exitCode()).isEqualTo(2);
  }

  @Test
  void check_invalidCatalog_isCodedDiagnostics() throws Exception {
    Files.writeString(manifest, "{\"format\": 2, \"profiles\": {}}");
    Admin.Run run = check("--fast");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stderr())
        .isEqualTo(
            "Error: 1 validation error for ProfileManifest\nerror[E005] "
                + manifest
                + ":1:12: format: Input should be 1\n");
  }
}

package dev.capsem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.BooleanNode;
import dev.capsem.core.internal.json.JsonDialect;
import dev.capsem.core.internal.json.JsonReader;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.ports.KeyProtection;
import dev.capsem.core.ports.PasswordSource;
import dev.capsem.core.ports.SignatureComments;
import dev.capsem.core.testing.Conformance;
import dev.capsem.signing.Blake3;
import dev.capsem.signing.Minisign;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code manifest check --download} against a loopback server that misbehaves one way per test.
 * Every failure gives its failure word and exit 1, and leaves nothing in the download folder: a
 * revision's files are kept only when all of its checks passed.
 */
class ManifestCheckDownloadTest {

  @TempDir Path root;
  private Path site;
  private Path manifest;
  private Path downloads;
  private Path publicKey;
  private Path secretKey;
  private CatalogServer server;

  @BeforeEach
  void publish() throws Exception {
    site = Files.createDirectories(root.resolve("site"));
    Files.createDirectories(site.resolve("profiles"));
    Files.createDirectories(site.resolve("assets"));
    Files.createDirectories(root.resolve("keys"));
    publicKey = root.resolve("keys/test.pub");
    secretKey = root.resolve("keys/test.key");
    Minisign.keyGenerator().generateFiles(publicKey, secretKey, KeyProtection.unencrypted(), false);
    server = new CatalogServer(site);
    for (String[] asset :
        new String[][] {
          {"vmlinuz", "kernel"}, {"initrd.img", "initrd"}, {"rootfs.squashfs", "rootfs"}
        }) {
      Path file = site.resolve("assets/" + asset[0]);
      Files.writeString(file, asset[1]);
      sign(file);
    }
    writeProfile(profileText());
    manifest = root.resolve("manifest.json");
    downloads = root.resolve("dl");
    generateCatalog();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String profileText() {
    String base = server.base() + "/assets/";
    Blake3Hex hex = new Blake3Hex();
    return Conformance.text("schemas/fixtures/profile-v2-valid.json")
        .replace("https://assets.capsem.dev/vm/everyday-work/2026.0520.1/arm64/", base)
        .replace("blake3:" + "a".repeat(64), "blake3:" + hex.of("kernel"))
        .replace("blake3:" + "b".repeat(64), "blake3:" + hex.of("initrd"))
        .replace("blake3:" + "c".repeat(64), "blake3:" + hex.of("rootfs"))
        .replace("7797248", "6")
        .replace("2270154", "6")
        .replace("454230016", "6");
  }

  private record Blake3Hex() {
    String of(String text) {
      return Blake3.hasher().hex(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  private void writeProfile(String text) throws Exception {
    Path payload = site.resolve("profiles/everyday-work.json");
    Files.writeString(payload, text);
    sign(payload);
  }

  private void sign(Path file) throws Exception {
    Minisign.signer()
        .signFile(
            file,
            secretKey,
            PasswordSource.none(),
            SignatureComments.defaults(file.getFileName().toString(), 1776729600L),
            file.resolveSibling(file.getFileName() + ".minisig"));
  }

  private void generateCatalog() {
    Admin.Run run =
        Admin.run(
            "manifest",
            "generate",
            "--profiles",
            site.resolve("profiles").toString(),
            "--base-url",
            server.base() + "/profiles",
            "--out",
            manifest.toString(),
            "--force");
    assertThat(run.exitCode()).as(run.stderr()).isZero();
  }

  /** Signs the catalog as published (decision D20: a client given a key requires it). */
  private void signCatalog() throws Exception {
    sign(manifest);
  }

  private ObjectNode check() throws Exception {
    signCatalog();
    return checkAsItIs();
  }

  private ObjectNode checkAsItIs() throws Exception {
    Admin.Run run =
        Admin.run(
            "manifest",
            "check",
            manifest.toString(),
            "--download",
            "--download-dir",
            downloads.toString(),
            "--pubkey",
            publicKey.toString(),
            "--json");
    assertThat(run.stderr()).isEmpty();
    ObjectNode report = (ObjectNode) JsonReader.read(run.stdout(), JsonDialect.PYDANTIC);
    assertThat(run.exitCode()).isEqualTo(((BooleanNode) report.get("ok")).value() ? 0 : 1);
    return report;
  }

  private static List<ObjectNode> checks(ObjectNode report) {
    List<ObjectNode> all = new ArrayList<>();
    for (Node profile : ((ArrayNode) report.get("profiles")).items()) {
      for (Node check : ((ArrayNode) ((ObjectNode) profile).get("checks")).items()) {
        all.add((ObjectNode) check);
      }
    }
    return all;
  }

  /** The only failed check, as {@code kind[/asset_kind] failure}. */
  private static String onlyFailure(ObjectNode report) {
    assertThat(((BooleanNode) report.get("ok")).value()).isFalse();
    List<String> failed =
        checks(report).stream()
            .filter(c -> !((BooleanNode) c.get("ok")).value())
            .map(
                c ->
                    c.string("kind")
                        + (c.has("asset_kind") ? "/" + c.string("asset_kind") : "")
                        + " "
                        + c.string("failure"))
            .toList();
    assertThat(failed).hasSize(1);
    return failed.get(0);
  }

  private static ObjectNode failedCheck(ObjectNode report) {
    return checks(report).stream()
        .filter(c -> !((BooleanNode) c.get("ok")).value())
        .findFirst()
        .get();
  }

  private void assertNothingKept(ObjectNode report) throws IOException {
    try (Stream<Path> walk = Files.walk(downloads)) {
      assertThat(walk.filter(p -> !p.equals(downloads)).toList())
          .as("the download folder keeps nothing of a failed revision, staging included")
          .isEmpty();
    }
    assertThat(checks(report)).noneMatch(c -> c.has("download_path"));
  }

  @Test
  void check_everythingIntact_keepsEveryVerifiedFileUnderItsReportedPath() throws Exception {
    ObjectNode report = check();
    assertThat(((BooleanNode) report.get("ok")).value()).isTrue();
    assertThat(checks(report)).hasSize(8).allMatch(c -> c.has("download_path"));
    for (ObjectNode c : checks(report)) {
      assertThat(Path.of(c.string("download_path"))).isRegularFile();
    }
    assertThat(checks(report).get(0).string("download_path"))
        .startsWith(downloads + "/everyday-work/2026.0520.1/profile_payload-")
        .endsWith(".json");
    assertThat(checks(report).get(2).string("download_path"))
        .matches(".*/arm64/vm_asset-kernel-[0-9a-f]{16}");
    try (Stream<Path> walk = Files.walk(downloads)) {
      assertThat(walk.filter(Files::isRegularFile).count()).isEqualTo(8);
    }
    assertThat(server.requests).allMatch(r -> r.startsWith("GET "));
  }

  @Test
  void check_assetWithWrongHash_isHashMismatch() throws Exception {
    Files.writeString(site.resolve("assets/rootfs.squashfs"), "rootfz");
    ObjectNode report = check();
    assertThat(onlyFailure(report)).isEqualTo("vm_asset/rootfs hash_mismatch");
    assertThat(failedCheck(report).string("message"))
        .isEqualTo("VM asset hash does not match profile declaration");
    assertNothingKept(report);
  }

  @Test
  void check_assetLongerThanDeclared_isSizeMismatchRefusedBeforeTheBody() throws Exception {
    Files.writeString(site.resolve("assets/rootfs.squashfs"), "rootfs, but much longer");
    ObjectNode report = check();
    assertThat(onlyFailure(report)).isEqualTo("vm_asset/rootfs size_mismatch");
    assertThat(failedCheck(report).get("content_length").toString()).contains("23");
    assertNothingKept(report);
  }

  @Test
  void check_assetShorterThanDeclared_isSizeMismatchWithItsSize() throws Exception {
    Files.writeString(site.resolve("assets/rootfs.squashfs"), "root");
    ObjectNode report = check();
    assertThat(onlyFailure(report)).isEqualTo("vm_asset/rootfs size_mismatch");
    assertThat(failedCheck(report).get("actual_size").toString()).contains("4");
    assertNothingKept(report);
  }

  @Test
  void check_serverSendingMoreThanDeclared_isCutOffAsSizeMismatch() throws Exception {
    // No Content-Length: 64 MiB of chunked body where 6 bytes were declared.
    server.answer(
        "/assets/rootfs.squashfs", exchange -> CatalogServer.endless(exchange, 64L << 20));
    ObjectNode report = check();
    assertThat(onlyFailure(report)).isEqualTo("vm_asset/rootfs size_mismatch");
    assertNothingKept(report);
  }

  @Test
  void check_redirectToPlainHttpElsewhere_isRefusedWithoutFollowingIt() throws Exception {
    server.answer(
        "/assets/rootfs.squashfs",
        exchange ->
            CatalogServer.redirect(exchange, "http://assets.example.invalid/rootfs.squashfs"));
    ObjectNode report = check();
    assertThat(onlyFailure(report)).isEqualTo("vm_asset/rootfs invalid_scheme");
    assertThat(failedCheck(report).string("message"))
        .contains("http:// is only allowed for loopback hosts");
    assertNothingKept(report);
  }

  @Test
  void check_redirectsOnLoopback_areFollowedUpToThree() throws Exception {
    String target = server.base() + "/profiles/everyday-work.json";
    server.answer("/r1", exchange -> CatalogServer.redirect(exchange, "/r2"));
    server.answer("/r2", exchange -> CatalogServer.redirect(exchange, "/r3"));
    server.answer("/r3", exchange -> CatalogServer.redirect(exchange, target));
    pointPayloadAt(server.base() + "/r1");
    ObjectNode report = check();
    assertThat(((BooleanNode) report.get("ok")).value()).isTrue();
    assertThat(server.requests)
        .contains("GET /r1", "GET /r2", "GET /r3", "GET /profiles/everyday-work.json");
  }

  @Test
  void check_fourRedirects_isDownloadFailed() throws Exception {
    String target = server.base() + "/profiles/everyday-work.json";
    server.answer("/r1", exchange -> CatalogServer.redirect(exchange, "/r2"));
    server.answer("/r2", exchange -> CatalogServer.redirect(exchange, "/r3"));
    server.answer("/r3", exchange -> CatalogServer.redirect(exchange, "/r4"));
    server.answer("/r4", exchange -> CatalogServer.redirect(exchange, target));
    pointPayloadAt(server.base() + "/r1");
    ObjectNode report = check();
    assertThat(onlyFailure(report)).isEqualTo("profile_payload download_failed");
    assertThat(failedCheck(report).string("message"))
        .startsWith("too many redirects (more than 3)");
    assertNothingKept(report);
  }

  private void pointPayloadAt(String url) throws IOException {
    String catalog = Files.readString(manifest);
    Files.writeString(
        manifest,
        catalog.replace(
            "\"profile_url\": \"" + server.base() + "/profiles/everyday-work.json\"",
            "\"profile_url\": \"" + url + "\""));
    assertThat(Files.readString(manifest)).contains(url);
  }

  @Test
  void check_missingPayload_isMissing() throws Exception {
    Files.delete(site.resolve("profiles/everyday-work.json"));
    ObjectNode report = check();
    assertThat(onlyFailure(report)).isEqualTo("profile_payload missing");
    assertThat(failedCheck(report).string("message")).isEqualTo("HTTP Error 404: Not Found");
    assertThat(failedCheck(report).get("status_code").toString()).contains("404");
    assertNothingKept(report);
  }

  @Test
  void check_missingSignatureWithPubkey_isMissing() throws Exception {
    Files.delete(site.resolve("assets/rootfs.squashfs.minisig"));
    ObjectNode report = check();
    assertThat(onlyFailure(report)).isEqualTo("vm_asset_signature/rootfs missing");
    assertNothingKept(report);
  }

  @Test
  void check_badSignature_isSignatureInvalidWithMinisignsText() throws Exception {
    Files.writeString(
        site.resolve("profiles/everyday-work.json.minisig"), "not a minisign signature\n");
    ObjectNode report = check();
    assertThat(onlyFailure(report)).isEqualTo("profile_signature signature_invalid");
    assertThat(failedCheck(report).string("message"))
        .isEqualTo("Untrusted signature comment should start with \"untrusted comment: \"\n");
    assertNothingKept(report);
  }

  @Test
  void check_payloadTamperedAfterCataloguing_isHashMismatch() throws Exception {
    Files.writeString(
        site.resolve("profiles/everyday-work.json"),
        profileText().replace("Everyday Work", "Tampered Work"));
    ObjectNode report = check();
    assertThat(onlyFailure(report)).isEqualTo("profile_payload hash_mismatch");
    assertNothingKept(report);
  }

  @Test
  void check_payloadTamperedAndRecatalogued_failsItsSignature() throws Exception {
    Path payload = site.resolve("profiles/everyday-work.json");
    Path signature = site.resolve("profiles/everyday-work.json.minisig");
    byte[] oldSignature = Files.readAllBytes(signature);
    writeProfile(profileText().replace("Everyday Work", "Tampered Work"));
    Files.write(signature, oldSignature);
    generateCatalog();
    assertThat(Files.readString(payload)).contains("Tampered Work");
    ObjectNode report = check();
    assertThat(onlyFailure(report)).isEqualTo("profile_signature signature_invalid");
    assertThat(failedCheck(report).string("message")).isEqualTo("Signature verification failed\n");
    assertNothingKept(report);
  }

  @Test
  void check_signatureByAnotherKey_namesTheFileItWouldBeKeptAs() throws Exception {
    Path otherPublic = root.resolve("keys/other.pub");
    Path otherSecret = root.resolve("keys/other.key");
    String ours =
        Minisign.keyGenerator()
            .generateFiles(otherPublic, otherSecret, KeyProtection.unencrypted(), false)
            .hex();
    Path payload = site.resolve("profiles/everyday-work.json");
    Minisign.signer()
        .signFile(
            payload,
            otherSecret,
            PasswordSource.none(),
            SignatureComments.defaults("everyday-work.json", 1776729600L),
            site.resolve("profiles/everyday-work.json.minisig"));
    String expectedKey;
    try (var key = Minisign.signer().open(secretKey, PasswordSource.none())) {
      expectedKey = key.keyId().hex();
    }
    ObjectNode report = check();
    ObjectNode failed = failedCheck(report);
    assertThat(failed.string("failure")).isEqualTo("signature_invalid");
    assertThat(failed.string("message"))
        .startsWith(
            "Signature key id in " + downloads + "/everyday-work/2026.0520.1/profile_signature-")
        .endsWith("\nbut the key id in the public key is " + expectedKey + "\n");
    assertThat(ours).isNotEqualTo(expectedKey);
    assertNothingKept(report);
  }

  @Test
  void check_fastMode_usesHeadOnly() throws Exception {
    Admin.Run run = Admin.run("manifest", "check", manifest.toString(), "--fast");
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.stdout())
        .isEqualTo("manifest: " + manifest + "\nmode: fast\nprofiles: 1\nchecks: 2/2 ok\n");
    assertThat(server.requests)
        .containsExactly(
            "HEAD /profiles/everyday-work.json", "HEAD /profiles/everyday-work.json.minisig");
  }

  // Issue 15: hostile catalogs and careless folders.

  private static boolean ok(ObjectNode report) {
    return ((BooleanNode) report.get("ok")).value();
  }

  @Test
  void check_unsignedCatalogWithPubkey_failsClosedFetchingNothing() throws Exception {
    ObjectNode report = checkAsItIs();

    assertThat(ok(report)).isFalse();
    ObjectNode signature = (ObjectNode) report.get("catalog_signature");
    assertThat(signature.string("failure")).isEqualTo("missing");
    assertThat(signature.string("code")).isEqualTo("E575");
    assertThat(signature.string("path")).isEqualTo(manifest + ".minisig");
    assertThat(checks(report)).isEmpty();
    assertThat(server.requests).as("nothing an unsigned catalog names is fetched").isEmpty();
    assertThat(downloads).doesNotExist();
  }

  @Test
  void check_catalogChangedAfterSigning_failsClosed() throws Exception {
    signCatalog();
    pointPayloadAt(server.base() + "/elsewhere.json");

    ObjectNode report = checkAsItIs();

    ObjectNode signature = (ObjectNode) report.get("catalog_signature");
    assertThat(signature.string("failure")).isEqualTo("signature_invalid");
    assertThat(signature.string("message")).isEqualTo("Signature verification failed\n");
    assertThat(server.requests).isEmpty();
    assertThat(downloads).doesNotExist();
  }

  @Test
  void check_signedCatalog_saysWhichKeyVerifiedIt() throws Exception {
    ObjectNode report = check();

    assertThat(ok(report)).isTrue();
    ObjectNode signature = (ObjectNode) report.get("catalog_signature");
    String keyId;
    try (var key = Minisign.signer().open(secretKey, PasswordSource.none())) {
      keyId = key.keyId().hex();
    }
    assertThat(signature.string("key_id")).isEqualTo(keyId);
    assertThat(signature.string("public_key")).isEqualTo(publicKey.toString());
    assertThat(((BooleanNode) signature.get("ok")).value()).isTrue();
  }

  @Test
  void check_redirectToAHostileLocation_isDownloadFailedInTheReport() throws Exception {
    server.answer(
        "/assets/rootfs.squashfs",
        exchange -> CatalogServer.redirect(exchange, "http://10.255.255.1\\@127.0.0.1/x"));

    ObjectNode report = check();

    assertThat(onlyFailure(report)).isEqualTo("vm_asset/rootfs download_failed");
    assertThat(failedCheck(report).string("message")).contains("invalid location refused");
    assertNothingKept(report);
  }

  @Test
  void check_assetNameWithAnEscapedNul_givesAReport() throws Exception {
    String base = server.base() + "/assets/";
    server.answer(
        "/assets/rootfs.\u0000.squashfs",
        exchange -> CatalogServer.body(exchange, 200, "rootfs".getBytes(StandardCharsets.UTF_8)));
    writeProfile(
        profileText()
            .replace(base + "rootfs.squashfs\"", base + "rootfs.%00.squashfs\"")
            .replace(base + "rootfs.squashfs.minisig\"", base + "rootfs.squashfs.minisig\""));
    generateCatalog();

    ObjectNode report = check();

    assertThat(checks(report)).hasSize(8);
    assertThat(checks(report))
        .filteredOn(
            c -> "rootfs".equals(c.string("asset_kind")) && c.string("kind").equals("vm_asset"))
        .singleElement()
        .satisfies(c -> assertThat(c.string("url")).contains("%00"));
  }

  @Test
  void check_revisionNameTooLongForTheFileSystem_keepsNothingAndReports() throws Exception {
    String revision = "2026.0520." + "1".repeat(300);
    Files.delete(site.resolve("profiles/everyday-work.json"));
    Files.delete(site.resolve("profiles/everyday-work.json.minisig"));
    Path payload = site.resolve("profiles/everyday-work-long.json");
    Files.writeString(payload, profileText().replace("\"2026.0520.1\"", "\"" + revision + "\""));
    sign(payload);
    generateCatalog();

    ObjectNode report = check();

    assertThat(ok(report)).isFalse();
    assertThat(checks(report))
        .filteredOn(c -> !((BooleanNode) c.get("ok")).value())
        .singleElement()
        .satisfies(c -> assertThat(c.string("message")).contains("longer than 255 bytes"));
    assertNothingKept(report);
  }

  @Test
  void check_staleStagingFoldersOfKilledRuns_areRemovedAndOnlyThose() throws Exception {
    Files.createDirectories(downloads);
    // A killed run of this version: its lock file is there, held by no one.
    Path killed = Files.createDirectories(downloads.resolve(".capsem-staging-111"));
    Files.createFile(killed.resolve(".lock"));
    Files.write(killed.resolve("3"), new byte[650_000]);
    // A killed run of an earlier version (no lock file), an hour and more ago.
    Path legacy = Files.createDirectories(downloads.resolve(".capsem-staging-222"));
    Files.write(legacy.resolve("1"), new byte[10]);
    Files.setLastModifiedTime(
        legacy,
        java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 7_200_000));
    // A run in progress (its lock held), an unlocked folder too recent to judge, and not ours.
    Path busy = Files.createDirectories(downloads.resolve(".capsem-staging-333"));
    Path recent = Files.createDirectories(downloads.resolve(".capsem-staging-444"));
    Path mine = Files.createDirectories(downloads.resolve("notes"));
    ObjectNode report;
    try (var channel =
            java.nio.channels.FileChannel.open(
                busy.resolve(".lock"),
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE);
        var lock = channel.lock()) {
      report = check();
    }

    assertThat(ok(report)).isTrue();
    assertThat(killed).doesNotExist();
    assertThat(legacy).doesNotExist();
    assertThat(busy).isDirectory();
    assertThat(recent).isDirectory();
    assertThat(mine).isDirectory();
  }

  @Test
  void check_symlinkedFolderInTheDownloadFolder_isRefusedAndNothingGoesThrough() throws Exception {
    Path outside = Files.createDirectories(root.resolve("outside"));
    Files.createDirectories(downloads);
    Files.createSymbolicLink(downloads.resolve("everyday-work"), outside);

    ObjectNode report = check();

    assertThat(ok(report)).isFalse();
    assertThat(failedCheck(report).string("message"))
        .startsWith("E574 everyday-work in the download folder is a symbolic link");
    try (Stream<Path> walk = Files.walk(outside)) {
      assertThat(walk.filter(p -> !p.equals(outside)).toList()).isEmpty();
    }
    assertThat(checks(report)).noneMatch(c -> c.has("download_path"));
  }
}

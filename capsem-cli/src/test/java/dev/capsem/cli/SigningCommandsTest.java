package dev.capsem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.testing.Conformance;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code manifest sign}, {@code manifest verify-signature}, {@code key generate} and {@code hash}:
 * the report vectors of {@code generated/manifest-signing/reports/} (run from a folder laid out as
 * upstream's was, so that only the folder prefix differs), and the real {@code minisign} and {@code
 * b3sum} as references.
 */
class SigningCommandsTest {

  private static final String REPORTS = "generated/manifest-signing/reports/";
  private static final String SIGNING = "generated/manifest-signing/signing/";

  @TempDir Path root;
  private Path manifest;

  @BeforeEach
  void layOut() throws Exception {
    Files.createDirectories(root.resolve("keys"));
    manifest = root.resolve("catalog-manifest.json");
    Files.copy(
        Conformance.file("generated/manifest-signing/catalog/expected-manifest.json"), manifest);
    for (String key :
        new String[] {"test-unencrypted.key", "test-unencrypted.pub", "test-encrypted.key"}) {
      Files.copy(Conformance.file(SIGNING + key), root.resolve("keys/" + key));
    }
    Files.copy(
        Conformance.file("schemas/fixtures/profile-v2-test.pub"), root.resolve("keys/other.pub"));
  }

  /** Our output with the temporary folder removed, as if run from inside it. */
  private String relative(String text) {
    return text.replace(root + "/", "");
  }

  private Admin.Run sign(Map<String, String> env, String... extra) {
    String[] args =
        new String[] {
          "manifest",
          "sign",
          manifest.toString(),
          "--key",
          root.resolve("keys/test-unencrypted.key").toString()
        };
    return Admin.run(env, concat(args, extra));
  }

  private Admin.Run verify(String pub) {
    return Admin.run(
        "manifest",
        "verify-signature",
        manifest.toString(),
        "--signature",
        manifest + ".minisig",
        "--pubkey",
        root.resolve(pub).toString(),
        "--json");
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = new String[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void sign_json_isUpstreamsSignReport() {
    Admin.Run run = sign(Map.of(), "--json");
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(relative(run.stdout())).isEqualTo(Conformance.text(REPORTS + "sign-report.json"));
    assertThat(root.resolve("catalog-manifest.json.minisig")).isRegularFile();
  }

  @Test
  void sign_text_namesManifestAndSignature() {
    Admin.Run run = sign(Map.of());
    assertThat(relative(run.stdout()))
        .isEqualTo("signed catalog-manifest.json\nsignature: catalog-manifest.json.minisig\n");
  }

  @Test
  void verifySignature_ourSignature_isUpstreamsOkReportWithOurTimestamp() {
    sign(Map.of());
    Admin.Run run = verify("keys/test-unencrypted.pub");
    assertThat(run.exitCode()).isZero();
    assertThat(relative(run.stdout()))
        .isEqualTo(
            Conformance.text(REPORTS + "verify-signature-ok.json")
                .replace("timestamp:1795880109", "timestamp:" + Admin.NOW.getEpochSecond()));
  }

  @Test
  void verifySignature_otherKey_isUpstreamsWrongKeyReport() {
    sign(Map.of());
    Admin.Run run = verify("keys/other.pub");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(relative(run.stdout()))
        .isEqualTo(Conformance.text(REPORTS + "verify-signature-wrong-key.json"));
  }

  @Test
  void verifySignature_tamperedManifest_isUpstreamsTamperedReport() throws Exception {
    sign(Map.of());
    Files.writeString(manifest, "x", java.nio.file.StandardOpenOption.APPEND);
    Admin.Run run = verify("keys/test-unencrypted.pub");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(relative(run.stdout()))
        .isEqualTo(Conformance.text(REPORTS + "verify-signature-tampered.json"));
    Admin.Run text =
        Admin.run(
            "manifest",
            "verify-signature",
            manifest.toString(),
            "--signature",
            manifest + ".minisig",
            "--pubkey",
            root.resolve("keys/test-unencrypted.pub").toString());
    assertThat(text.stderr()).isEqualTo("Signature verification failed\n\n");
  }

  @Test
  void sign_ourSignature_verifiesWithRealMinisignRequiringPrehash() throws Exception {
    sign(Map.of());
    RealTool.Result result =
        RealTool.run(
            "minisign",
            "-Vm",
            manifest.toString(),
            "-x",
            manifest + ".minisig",
            "-p",
            root.resolve("keys/test-unencrypted.pub").toString(),
            "-H");
    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stdout())
        .contains("Trusted comment: timestamp:1776729600\tfile:catalog-manifest.json\thashed");
  }

  @Test
  void sign_encryptedKeyWithoutPassword_saysHowToPassOne() {
    Admin.Run run =
        Admin.run(
            "manifest",
            "sign",
            manifest.toString(),
            "--key",
            root.resolve("keys/test-encrypted.key").toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stderr())
        .isEqualTo(
            "Error: manifest signing failed: key is encrypted; pass --password-file FILE or set"
                + " CAPSEM_KEY_PASSWORD\n");
    assertThat(root.resolve("catalog-manifest.json.minisig")).doesNotExist();
  }

  @Test
  void sign_encryptedKey_opensWithPasswordFileOrEnvironment_andRefusesAWrongOne() throws Exception {
    Path key = root.resolve("keys/test-encrypted.key");
    Path password = root.resolve("password.txt");
    Files.writeString(password, "capsem-test-password\n");
    Admin.Run fromFile =
        Admin.run(
            "manifest",
            "sign",
            manifest.toString(),
            "--key",
            key.toString(),
            "--password-file",
            password.toString());
    assertThat(fromFile.exitCode()).as(fromFile.stderr()).isZero();
    Admin.Run fromEnvironment =
        Admin.run(
            Map.of("CAPSEM_KEY_PASSWORD", "capsem-test-password"),
            "manifest",
            "sign",
            manifest.toString(),
            "--key",
            key.toString());
    assertThat(fromEnvironment.exitCode()).as(fromEnvironment.stderr()).isZero();
    Files.writeString(password, "wrong\n");
    Admin.Run wrong =
        Admin.run(
            "manifest",
            "sign",
            manifest.toString(),
            "--key",
            key.toString(),
            "--password-file",
            password.toString());
    assertThat(wrong.exitCode()).isEqualTo(1);
    assertThat(wrong.stderr())
        .isEqualTo("Error: manifest signing failed: Wrong password for that key\n");
  }

  @Test
  void sign_missingKey_isUsageError() {
    Admin.Run run = Admin.run("manifest", "sign", manifest.toString(), "--key", "nope.key");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr()).contains("Invalid value for '--key': File 'nope.key' does not exist.");
  }

  @Test
  void keyGenerate_unencrypted_signsWhatMinisignVerifies() throws Exception {
    Path dir = root.resolve("new-keys");
    Admin.Run run = Admin.run("key", "generate", "--out-dir", dir.toString(), "--unencrypted");
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(relative(run.stdout()))
        .matches(
            "created new-keys/minisign.pub\ncreated new-keys/minisign.key \\(unencrypted\\)\nkey id: [0-9A-F]+\n");
    Admin.Run signed =
        Admin.run(
            "manifest",
            "sign",
            manifest.toString(),
            "--key",
            dir.resolve("minisign.key").toString());
    assertThat(signed.exitCode()).as(signed.stderr()).isZero();
    RealTool.Result result =
        RealTool.run(
            "minisign",
            "-Vm",
            manifest.toString(),
            "-p",
            dir.resolve("minisign.pub").toString(),
            "-H");
    assertThat(result.exitCode()).as(result.stderr()).isZero();
    Admin.Run again = Admin.run("key", "generate", "--out-dir", dir.toString(), "--unencrypted");
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(relative(again.stderr()))
        .isEqualTo("Error: new-keys/minisign.key already exists; pass --force to overwrite\n");
  }

  @Test
  void keyGenerate_encrypted_takesThePasswordFromTheEnvironmentAndNeedsOne() throws Exception {
    Path dir = root.resolve("enc");
    Admin.Run none = Admin.run("key", "generate", "--out-dir", dir.toString());
    assertThat(none.exitCode()).isEqualTo(1);
    assertThat(none.stderr())
        .isEqualTo(
            "Error: the secret key is encrypted and no password was given; pass --password-file"
                + " FILE, set CAPSEM_KEY_PASSWORD, or pass --unencrypted\n");
    Admin.Run run =
        Admin.run(
            Map.of("CAPSEM_KEY_PASSWORD", "s3cret"),
            "key",
            "generate",
            "--out-dir",
            dir.toString());
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    Path password = root.resolve("pw");
    Files.writeString(password, "s3cret");
    Admin.Run signed =
        Admin.run(
            "manifest",
            "sign",
            manifest.toString(),
            "--key",
            dir.resolve("minisign.key").toString(),
            "--password-file",
            password.toString());
    assertThat(signed.exitCode()).as(signed.stderr()).isZero();
  }

  @Test
  void hash_isByteForByteB3sum() throws Exception {
    Path empty = Files.write(root.resolve("empty"), new byte[0]);
    Path one = Files.write(root.resolve("one byte"), new byte[] {42});
    byte[] chunky = new byte[1025 * 3];
    new java.util.Random(5).nextBytes(chunky);
    Path three = Files.write(root.resolve("chunks.bin"), chunky);
    Admin.Run ours = Admin.run("hash", empty.toString(), one.toString(), three.toString());
    RealTool.Result theirs =
        RealTool.run("b3sum", empty.toString(), one.toString(), three.toString());
    assertThat(ours.exitCode()).isZero();
    assertThat(ours.stdout()).isEqualTo(theirs.stdout());
  }

  @Test
  void hash_missingFile_reportsItAndHashesTheRest() throws Exception {
    Path one = Files.writeString(root.resolve("a"), "hello", StandardCharsets.UTF_8);
    Admin.Run ours = Admin.run("hash", root.resolve("missing").toString(), one.toString());
    assertThat(ours.exitCode()).isEqualTo(1);
    assertThat(ours.stdout())
        .isEqualTo(
            "ea8f163db38682925e4491c5e58d4bb3506ef8c14eb78a86e908c5624a67200f  " + one + "\n");
    assertThat(relative(ours.stderr())).isEqualTo("Error: missing: No such file or directory\n");
  }

  @Test
  void verifySignature_legacySignature_needsTheExplicitOptIn() {
    String payload = Conformance.file(SIGNING + "manifest.json").toString();
    String signature = Conformance.file(SIGNING + "manifest.json.legacy.minisig").toString();
    String pub = Conformance.file(SIGNING + "test-unencrypted.pub").toString();
    Admin.Run refused =
        Admin.run(
            "manifest", "verify-signature", payload, "--signature", signature, "--pubkey", pub);
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.stderr()).isEqualTo("Legacy (non-prehashed) signature found\n\n");
    Admin.Run allowed =
        Admin.run(
            "manifest",
            "verify-signature",
            payload,
            "--signature",
            signature,
            "--pubkey",
            pub,
            "--allow-legacy-signatures");
    assertThat(allowed.exitCode()).isZero();
  }
}

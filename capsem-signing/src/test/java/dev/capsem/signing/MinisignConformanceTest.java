package dev.capsem.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capsem.core.ports.KeyId;
import dev.capsem.core.ports.PasswordSource;
import dev.capsem.core.ports.SignatureComments;
import dev.capsem.core.ports.SignatureFailureKind;
import dev.capsem.core.ports.SignatureVerification;
import dev.capsem.core.ports.SignatureVerifier;
import dev.capsem.core.ports.SigningException;
import dev.capsem.core.ports.SigningKey;
import dev.capsem.core.ports.VerifyOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every vector under {@code generated/manifest-signing/signing/} behaves as its {@code
 * expectations.json} says (spec manifest-signing.md §4.7, §4.8 items 3 and 4), plus the upstream
 * profile fixture and the shapes of the upstream reports.
 */
class MinisignConformanceTest {

  private static final String SIGNING = "generated/manifest-signing/signing/";

  private final SignatureVerifier verifier = Minisign.verifier();

  @TestFactory
  Stream<DynamicTest> verify_expectationsRow_matchesMinisignCliAndRuntime() {
    JsonNode expectations = ConformanceVectors.json(SIGNING + "expectations.json");
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode row : expectations.get("verify")) {
      String name =
          row.get("payload").asText()
              + " | "
              + row.get("signature").asText()
              + " | "
              + row.get("pubkey").asText();
      tests.add(dynamicTest(name, () -> checkVerifyRow(row)));
    }
    assertThat(tests).hasSize(8);
    return tests.stream();
  }

  private void checkVerifyRow(JsonNode row) {
    byte[] payload = ConformanceVectors.bytes(row.get("payload").asText());
    Path signaturePath = ConformanceVectors.path(row.get("signature").asText());
    byte[] signature = ConformanceVectors.bytes(row.get("signature").asText());
    byte[] publicKey = ConformanceVectors.bytes(row.get("pubkey").asText());
    // The vectors were made with minisign run next to the files: messages name the bare file.
    VerifyOptions cli = VerifyOptions.cli().namingSignature(signaturePath.getFileName().toString());

    // `minisign -V` accepts legacy signatures unless -H is given.
    SignatureVerification asCli =
        verifier.verify(payload, signature, publicKey, cli.allowingLegacy());
    int cliRc = row.get("cli_rc").asInt();
    assertThat(asCli.ok()).as("cli ok").isEqualTo(cliRc == 0);
    asCli.failure().ifPresent(f -> assertThat(f.kind().cliExitCode()).isEqualTo(cliRc));
    if (row.has("cli_stderr")) {
      assertThat(asCli.message()).isEqualTo(row.get("cli_stderr").asText());
    }
    if (row.has("cli_rc_with_-H")) {
      SignatureVerification prehashOnly = verifier.verify(payload, signature, publicKey, cli);
      assertThat(prehashOnly.failure().orElseThrow().kind().cliExitCode())
          .isEqualTo(row.get("cli_rc_with_-H").asInt());
      assertThat(prehashOnly.message()).isEqualTo(row.get("cli_stderr_with_-H").asText());
    }
    if (asCli instanceof SignatureVerification.Verified) {
      SignatureVerification.Verified verified = (SignatureVerification.Verified) asCli;
      assertThat(verified.algorithm().tag()).isEqualTo(row.get("algorithm").asText());
      if (row.has("trusted_comment")) {
        assertThat(verified.trustedComment()).isEqualTo(row.get("trusted_comment").asText());
      }
    }

    SignatureVerification asRuntime =
        verifier.verify(payload, signature, publicKey, VerifyOptions.runtime());
    assertThat(asRuntime.ok()).as("runtime ok").isEqualTo(row.get("runtime_ok").asBoolean());

    SignatureVerification fromFiles =
        verifier.verifyFiles(
            ConformanceVectors.path(row.get("payload").asText()),
            signaturePath,
            ConformanceVectors.path(row.get("pubkey").asText()),
            VerifyOptions.cli().allowingLegacy());
    assertThat(fromFiles.ok()).as("files ok").isEqualTo(cliRc == 0);
  }

  @TestFactory
  Stream<DynamicTest> sign_deterministicRow_reproducesMinisignBytes() {
    JsonNode expectations = ConformanceVectors.json(SIGNING + "expectations.json");
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode row : expectations.get("sign_deterministic")) {
      tests.add(dynamicTest(row.get("expected").asText(), () -> checkSignRow(row)));
    }
    assertThat(tests).hasSize(3);
    return tests.stream();
  }

  private void checkSignRow(JsonNode row) throws Exception {
    byte[] payload = ConformanceVectors.bytes(row.get("payload").asText());
    PasswordSource password =
        row.get("password").isNull()
            ? PasswordSource.none()
            : PasswordSource.of(row.get("password").asText().toCharArray());
    SignatureComments comments =
        new SignatureComments(
            row.get("untrusted_comment").asText(), row.get("trusted_comment").asText());
    String expected =
        new String(ConformanceVectors.bytes(row.get("expected").asText()), StandardCharsets.UTF_8);

    try (SigningKey key =
        Minisign.signer().open(ConformanceVectors.path(row.get("secret").asText()), password)) {
      String signature =
          row.get("legacy").asBoolean()
              ? ((MinisignSigningKey) key).signLegacy(payload, comments)
              : key.sign(payload, comments);

      assertThat(signature).isEqualTo(expected);
      if (!row.get("legacy").asBoolean()) {
        assertThat(key.sign(ConformanceVectors.path(row.get("payload").asText()), comments))
            .isEqualTo(expected);
      }
    }
  }

  @Test
  void open_conformanceKeys_haveTheListedKeyIdsAndPublicKeys() throws Exception {
    JsonNode keys = ConformanceVectors.json(SIGNING + "expectations.json").get("keys");
    int secrets = 0;
    for (Map.Entry<String, JsonNode> entry : (Iterable<Map.Entry<String, JsonNode>>) keys::fields) {
      JsonNode key = entry.getValue();
      String publicKeyText =
          new String(ConformanceVectors.bytes(entry.getKey()), StandardCharsets.UTF_8);
      assertThat(publicKeyText)
          .startsWith(
              "untrusted comment: minisign public key " + key.get("key_id").asText() + "\n");
      if (key.get("secret").isNull()) {
        continue;
      }
      PasswordSource password =
          key.get("password").isNull()
              ? PasswordSource.none()
              : PasswordSource.of(key.get("password").asText().toCharArray());
      try (SigningKey opened =
          Minisign.signer().open(ConformanceVectors.path(key.get("secret").asText()), password)) {
        assertThat(opened.keyId()).isEqualTo(KeyId.fromHex(key.get("key_id").asText()));
        // What `minisign -R` would write from the secret key is the .pub file, byte for byte.
        assertThat(opened.publicKeyText()).isEqualTo(publicKeyText);
      }
      secrets++;
    }
    assertThat(secrets).isEqualTo(2);
  }

  @Test
  void verifyFiles_upstreamProfileFixture_verifiesWithItsTestKey() {
    SignatureVerification result =
        verifier.verifyFiles(
            ConformanceVectors.path("schemas/fixtures/profile-v2-valid.json"),
            ConformanceVectors.path("schemas/fixtures/profile-v2-valid.json.minisig"),
            ConformanceVectors.path("schemas/fixtures/profile-v2-test.pub"),
            VerifyOptions.cli());

    assertThat(result).isInstanceOf(SignatureVerification.Verified.class);
    SignatureVerification.Verified verified = (SignatureVerification.Verified) result;
    assertThat(verified.keyId().hex()).isEqualTo("9C194CA9E85EBF10");
    assertThat(verified.message())
        .isEqualTo(
            "Signature and comment signature verified\n"
                + "Trusted comment: timestamp:1779328520\tfile:profile-v2-valid.json\thashed\n");
    assertThat(
            verifier
                .verifyFiles(
                    ConformanceVectors.path("schemas/fixtures/profile-v2-valid.json"),
                    ConformanceVectors.path("schemas/fixtures/profile-v2-valid.json.minisig"),
                    ConformanceVectors.path("schemas/fixtures/profile-v2-test.pub"),
                    VerifyOptions.runtime())
                .ok())
        .isTrue();
  }

  @Test
  void verify_upstreamProfileFixtureTampered_isBadSignature() {
    String payload =
        new String(
            ConformanceVectors.bytes("schemas/fixtures/profile-v2-valid.json"),
            StandardCharsets.UTF_8);
    assertThat(payload).contains("Everyday Work");

    SignatureVerification result =
        verifier.verify(
            payload.replace("Everyday Work", "Tampered Work").getBytes(StandardCharsets.UTF_8),
            ConformanceVectors.bytes("schemas/fixtures/profile-v2-valid.json.minisig"),
            ConformanceVectors.bytes("schemas/fixtures/profile-v2-test.pub"),
            VerifyOptions.cli());

    assertThat(result.failure().orElseThrow().kind()).isEqualTo(SignatureFailureKind.BAD_SIGNATURE);
    assertThat(result.message()).isEqualTo("Signature verification failed\n");
  }

  @Test
  void verify_rustFixtureTampered_isRefusedByBothPolicies() {
    byte[] signature = ConformanceVectors.bytes(SIGNING + "rust-fixture/hello.json.minisig");
    byte[] publicKey = ConformanceVectors.bytes(SIGNING + "rust-fixture/test.pub");
    byte[] tampered = ConformanceVectors.bytes(SIGNING + "rust-fixture/hello-tampered.json");

    SignatureVerification runtime =
        verifier.verify(tampered, signature, publicKey, VerifyOptions.runtime());

    assertThat(runtime.message()).isEqualTo("verify: The signature verification failed");
    assertThat(
            verifier
                .verify(
                    ConformanceVectors.bytes(SIGNING + "rust-fixture/hello.json"),
                    signature,
                    publicKey,
                    VerifyOptions.runtime())
                .ok())
        .isTrue();
  }

  /**
   * The upstream {@code manifest sign} / {@code verify-signature} reports signed {@code
   * catalog/expected-manifest.json} with {@code test-unencrypted.key}; our texts for the same
   * situations are theirs.
   */
  @Test
  void verify_reportSituations_produceTheReportMessages() throws Exception {
    String reports = "generated/manifest-signing/reports/";
    byte[] manifest =
        ConformanceVectors.bytes("generated/manifest-signing/catalog/expected-manifest.json");
    String signature;
    try (SigningKey key =
        Minisign.signer()
            .open(
                ConformanceVectors.path(SIGNING + "test-unencrypted.key"), PasswordSource.none())) {
      signature =
          key.sign(manifest, SignatureComments.defaults("catalog-manifest.json", 1795880109L));
    }
    byte[] publicKey = ConformanceVectors.bytes(SIGNING + "test-unencrypted.pub");
    VerifyOptions options = VerifyOptions.cli().namingSignature("catalog-manifest.json.minisig");

    SignatureVerification ok =
        verifier.verify(
            manifest, signature, new String(publicKey, StandardCharsets.UTF_8), options);
    assertThat(ok.message())
        .isEqualTo(
            ConformanceVectors.json(reports + "verify-signature-ok.json").get("message").asText());

    byte[] tampered = Arrays.copyOf(manifest, manifest.length + 1);
    tampered[manifest.length] = 'x';
    assertThat(
            verifier
                .verify(tampered, signature, new String(publicKey, StandardCharsets.UTF_8), options)
                .message())
        .isEqualTo(
            ConformanceVectors.json(reports + "verify-signature-tampered.json")
                .get("message")
                .asText());

    String otherKey =
        new String(
            ConformanceVectors.bytes("schemas/fixtures/profile-v2-test.pub"),
            StandardCharsets.UTF_8);
    assertThat(verifier.verify(manifest, signature, otherKey, options).message())
        .isEqualTo(
            ConformanceVectors.json(reports + "verify-signature-wrong-key.json")
                .get("message")
                .asText());
  }

  @Test
  void sign_sameKeyAndInput_isByteIdenticalAcrossCalls(@TempDir Path dir) throws Exception {
    Path payload =
        Files.write(
            dir.resolve("manifest.json"), ConformanceVectors.bytes(SIGNING + "manifest.json"));
    Path signatureFile = dir.resolve("manifest.json.minisig");
    SignatureComments comments =
        SignatureComments.trusted("timestamp:1779328520\tfile:manifest.json\thashed");

    Minisign.signer()
        .signFile(
            payload,
            ConformanceVectors.path(SIGNING + "test-unencrypted.key"),
            PasswordSource.none(),
            comments,
            signatureFile);

    assertThat(Files.readAllBytes(signatureFile))
        .isEqualTo(ConformanceVectors.bytes(SIGNING + "manifest.json.minisig"));
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("manifest.json", "manifest.json.minisig");
    }
  }

  @Test
  void open_encryptedVectorWithoutPassword_needsOne() {
    Path key = ConformanceVectors.path(SIGNING + "test-encrypted.key");

    assertThatThrownBy(() -> Minisign.signer().open(key, PasswordSource.none()))
        .isInstanceOfSatisfying(
            SigningException.class,
            e -> assertThat(e.kind()).isEqualTo(SignatureFailureKind.PASSWORD_REQUIRED));
  }

  @Test
  void open_encryptedVectorWithWrongPassword_isWrongPassword() {
    Path key = ConformanceVectors.path(SIGNING + "test-encrypted.key");

    assertThatThrownBy(() -> Minisign.signer().open(key, PasswordSource.of("not-it".toCharArray())))
        .isInstanceOfSatisfying(
            SigningException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(SignatureFailureKind.WRONG_PASSWORD);
              assertThat(e.getMessage()).isEqualTo("Wrong password for that key");
            });
  }
}

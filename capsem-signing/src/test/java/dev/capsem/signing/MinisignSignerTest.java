package dev.capsem.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capsem.core.ports.GeneratedKeyPair;
import dev.capsem.core.ports.PasswordSource;
import dev.capsem.core.ports.SignatureComments;
import dev.capsem.core.ports.SignatureFailureKind;
import dev.capsem.core.ports.Signer;
import dev.capsem.core.ports.SigningException;
import dev.capsem.core.ports.SigningKey;
import dev.capsem.core.ports.VerifyOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MinisignSignerTest {

  @TempDir Path dir;

  @Test
  void signFile_existingSignature_isReplacedAtomicallyWithNoTemporaryLeft() throws Exception {
    GeneratedKeyPair pair = TestKeys.unencrypted(3);
    Path key = Files.writeString(dir.resolve("k.key"), pair.secretKeyText());
    Path payload = Files.writeString(dir.resolve("m.json"), "{}\n");
    Path signatureFile = Signer.defaultSignatureFile(payload);
    Files.writeString(signatureFile, "old");

    Minisign.signer()
        .signFile(
            payload,
            key,
            PasswordSource.none(),
            SignatureComments.defaults("m.json", 5),
            signatureFile);

    assertThat(signatureFile.getFileName().toString()).isEqualTo("m.json.minisig");
    assertThat(
            Minisign.verifier()
                .verify(
                    Files.readAllBytes(payload),
                    Files.readString(signatureFile),
                    pair.publicKeyText(),
                    VerifyOptions.cli())
                .ok())
        .isTrue();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrder("k.key", "m.json", "m.json.minisig");
    }
  }

  @Test
  void signFile_missingFolder_failsWithoutWritingAnything() throws Exception {
    try (SigningKey key = TestKeys.open(TestKeys.unencrypted(3))) {
      Path payload = Files.writeString(dir.resolve("m.json"), "{}\n");

      assertThatThrownBy(
              () ->
                  key.signFile(
                      payload, SignatureComments.trusted("t"), dir.resolve("no/m.minisig")))
          .isInstanceOf(java.io.IOException.class);
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).hasSize(1);
    }
  }

  @Test
  void sign_fileAndBytes_giveTheSameSignature() throws Exception {
    byte[] content = new byte[300_000];
    new java.util.Random(1).nextBytes(content);
    Path payload = Files.write(dir.resolve("big.bin"), content);
    try (SigningKey key = TestKeys.open(TestKeys.unencrypted(3))) {
      SignatureComments comments = SignatureComments.defaults("big.bin", 1);

      assertThat(key.sign(payload, comments)).isEqualTo(key.sign(content, comments));
    }
  }

  @Test
  void sign_closedKey_isRefused() {
    SigningKey key = TestKeys.open(TestKeys.unencrypted(3));
    key.close();

    assertThatThrownBy(() -> key.sign(new byte[0], SignatureComments.trusted("t")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void sign_oneCallWithKeyText_matchesOpenedKey() throws Exception {
    GeneratedKeyPair pair = TestKeys.unencrypted(4);
    byte[] payload = "x".getBytes(StandardCharsets.UTF_8);

    String signature =
        Minisign.signer()
            .sign(
                payload,
                pair.secretKeyText(),
                PasswordSource.none(),
                SignatureComments.trusted("c"));

    try (SigningKey key = TestKeys.open(pair)) {
      assertThat(signature).isEqualTo(key.sign(payload, SignatureComments.trusted("c")));
    }
    assertThat(signature).startsWith("untrusted comment: signature from minisign secret key\nRU");
  }

  @Test
  void open_emptyOrOneLineKeyFile_isTruncated() {
    assertOpenFails("", SignatureFailureKind.TRUNCATED, "Error while loading the secret key file");
    assertOpenFails(
        "untrusted comment: x\n",
        SignatureFailureKind.TRUNCATED,
        "Error while loading the secret key file");
  }

  @Test
  void open_keyLineNotBase64_isMalformedBase64() {
    assertOpenFails(
        "untrusted comment: x\nRWQ!!\n",
        SignatureFailureKind.MALFORMED_BASE64,
        "base64 conversion failed - was an actual secret key given?");
  }

  @Test
  void open_otherFieldsChanged_areRefusedInMinisignsOrder() {
    byte[] key = decodedKey(TestKeys.unencrypted(5));

    assertOpenFails(
        withByte(key, 1, 'D'),
        SignatureFailureKind.UNSUPPORTED_ALGORITHM,
        "Unsupported signature algorithm");
    assertOpenFails(
        withByte(key, 5, '3'),
        SignatureFailureKind.UNSUPPORTED_CHECKSUM,
        "Unsupported checksum function");
    assertOpenFails(
        withByte(key, 2, 'X'),
        SignatureFailureKind.UNSUPPORTED_KDF,
        "Unsupported key derivation function");
    assertOpenFails(
        withByte(key, 100, key[100] ^ 1),
        SignatureFailureKind.CORRUPT_SECRET_KEY,
        "Secret key is corrupt: its public half does not belong to its seed");
  }

  @Test
  void open_encryptedKeyAskingForTooMuchMemory_isRefusedBeforeAnyWork() {
    byte[] key = decodedKey(TestKeys.unencrypted(5));
    key[2] = 'S';
    key[3] = 'c';
    // opslimit 2^40, memlimit 2^40: scrypt N = 2^30 (128 GiB), far above minisign's default.
    key[38 + 5] = 1;
    key[46 + 5] = 1;
    PasswordSource neverAsked =
        () -> {
          throw new AssertionError("the password must not be read for a key we refuse anyway");
        };

    assertThatThrownBy(
            () ->
                Minisign.signer()
                    .open(keyFile(key).getBytes(StandardCharsets.US_ASCII), neverAsked))
        .isInstanceOfSatisfying(
            SigningException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(SignatureFailureKind.UNSUPPORTED_KDF);
              assertThat(e.getMessage()).contains("N=2^30");
            });
  }

  @Test
  void open_unencryptedKey_neverReadsThePassword() throws Exception {
    PasswordSource neverAsked =
        () -> {
          throw new AssertionError("an unencrypted key needs no password");
        };

    try (SigningKey key =
        Minisign.signer()
            .open(
                TestKeys.unencrypted(6).secretKeyText().getBytes(StandardCharsets.US_ASCII),
                neverAsked)) {
      assertThat(key.keyId()).isEqualTo(TestKeys.unencrypted(6).keyId());
    }
  }

  private static void assertOpenFails(
      byte[] decodedKey, SignatureFailureKind kind, String message) {
    assertOpenFails(keyFile(decodedKey), kind, message);
  }

  private static void assertOpenFails(String keyFile, SignatureFailureKind kind, String message) {
    assertThatThrownBy(
            () ->
                Minisign.signer()
                    .open(keyFile.getBytes(StandardCharsets.US_ASCII), PasswordSource.none()))
        .isInstanceOfSatisfying(
            SigningException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(kind);
              assertThat(e.getMessage()).isEqualTo(message);
            });
  }

  private static byte[] decodedKey(GeneratedKeyPair pair) {
    return Base64.getDecoder().decode(pair.secretKeyText().split("\n")[1]);
  }

  private static String keyFile(byte[] decodedKey) {
    return "untrusted comment: minisign encrypted secret key\n"
        + Base64.getEncoder().encodeToString(decodedKey)
        + "\n";
  }

  private static byte[] withByte(byte[] bytes, int index, int value) {
    byte[] copy = bytes.clone();
    copy[index] = (byte) value;
    return copy;
  }
}

package dev.capsem.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capsem.core.ports.GeneratedKeyPair;
import dev.capsem.core.ports.KeyId;
import dev.capsem.core.ports.KeyProtection;
import dev.capsem.core.ports.PasswordSource;
import dev.capsem.core.ports.SignatureAlgorithm;
import dev.capsem.core.ports.SignatureComments;
import dev.capsem.core.ports.SignatureFailureKind;
import dev.capsem.core.ports.SignatureVerification;
import dev.capsem.core.ports.SignatureVerifier;
import dev.capsem.core.ports.Signer;
import dev.capsem.core.ports.SigningException;
import dev.capsem.core.ports.SigningKey;
import dev.capsem.core.ports.SigningKeyGenerator;
import dev.capsem.core.ports.VerifyOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link Signer} with its {@link SigningKey}s and {@link SigningKeyGenerator} must do
 * (STYLE rule 11): a key made by the generator, encrypted or not, opens and signs, and the
 * signature holds for the {@link SignatureVerifier} of the same adapter; every problem with a key
 * is a {@link SigningException} of its own {@link SignatureFailureKind}; signatures and key files
 * are written atomically. Secret keys are minisign files (ports' javadoc), so the contract damages
 * them by minisign's layout:
 *
 * <pre>
 * secret key (158):  "Ed" | kdf "Sc" or 00 00 | "B2" | salt (32) | opslimit | memlimit
 *                    | key id (8) | seed (32) | public key (32) | checksum (32)
 * </pre>
 */
public abstract class SignerContract {

  private static final int KEY_SEED = 62;

  @TempDir protected Path temp;

  protected abstract Signer signer();

  protected abstract SigningKeyGenerator keyGenerator();

  /** The verifier that goes with the signer. */
  protected abstract SignatureVerifier verifier();

  private static PasswordSource password() {
    return PasswordSource.of("correct horse battery".toCharArray());
  }

  /** scrypt at libsodium's smallest cost: the format of minisign's keys, in milliseconds. */
  private static KeyProtection cheapScrypt(PasswordSource password) {
    return new KeyProtection.Scrypt(
        password, KeyProtection.MIN_OPS_LIMIT, KeyProtection.MIN_MEM_LIMIT);
  }

  private static final byte[] PAYLOAD =
      "{\"format\": 1, \"profiles\": {}}\n".getBytes(StandardCharsets.UTF_8);

  private static final SignatureComments COMMENTS =
      SignatureComments.defaults("catalog.json", 1_700_000_000L);

  private SignatureVerification verified(String signature, String publicKey) {
    return verifier().verify(PAYLOAD, signature, publicKey, VerifyOptions.cli());
  }

  private SigningException refusal(String secretKeyText, PasswordSource password) {
    Throwable thrown =
        org.assertj.core.api.Assertions.catchThrowable(
            () -> signer().open(secretKeyText.getBytes(StandardCharsets.UTF_8), password).close());
    assertThat(thrown).isInstanceOf(SigningException.class);
    return (SigningException) thrown;
  }

  private List<Path> folderContents() throws IOException {
    try (Stream<Path> files = Files.list(temp)) {
      return files.sorted().toList();
    }
  }

  @Test
  void open_unencryptedGeneratedKey_signsWhatTheVerifierAccepts() throws Exception {
    GeneratedKeyPair pair = keyGenerator().generate(KeyProtection.unencrypted());

    try (SigningKey key =
        signer()
            .open(pair.secretKeyText().getBytes(StandardCharsets.UTF_8), PasswordSource.none())) {
      String signature = key.sign(PAYLOAD, COMMENTS);

      assertThat(key.keyId()).isEqualTo(pair.keyId());
      assertThat(verified(signature, pair.publicKeyText()))
          .isEqualTo(
              new SignatureVerification.Verified(
                  pair.keyId(),
                  SignatureAlgorithm.PREHASHED,
                  COMMENTS.trusted(),
                  COMMENTS.untrusted()));
    }
  }

  @Test
  void open_scryptGeneratedKeyWithItsPassword_signsWhatTheVerifierAccepts() throws Exception {
    GeneratedKeyPair pair = keyGenerator().generate(cheapScrypt(password()));

    try (SigningKey key =
        signer().open(pair.secretKeyText().getBytes(StandardCharsets.UTF_8), password())) {
      assertThat(key.keyId()).isEqualTo(pair.keyId());
      assertThat(verified(key.sign(PAYLOAD, COMMENTS), pair.publicKeyText()).ok()).isTrue();
    }
  }

  @Test
  void publicKeyText_ofTheOpenedKey_isTheGeneratedPublicKeyNamingItsId() throws Exception {
    GeneratedKeyPair pair = keyGenerator().generate(KeyProtection.unencrypted());

    try (SigningKey key =
        signer()
            .open(pair.secretKeyText().getBytes(StandardCharsets.UTF_8), PasswordSource.none())) {
      assertThat(key.publicKeyText()).isEqualTo(pair.publicKeyText());
      assertThat(pair.publicKeyText())
          .startsWith("untrusted comment: minisign public key " + pair.keyId().hex() + "\n")
          .endsWith("\n");
    }
  }

  @Test
  void generate_twice_givesTwoKeyIds() throws Exception {
    KeyId first = keyGenerator().generate(KeyProtection.unencrypted()).keyId();
    KeyId second = keyGenerator().generate(KeyProtection.unencrypted()).keyId();

    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void open_encryptedWithoutPassword_isPasswordRequired() throws Exception {
    GeneratedKeyPair pair = keyGenerator().generate(cheapScrypt(password()));

    assertThat(refusal(pair.secretKeyText(), PasswordSource.none()).kind())
        .isEqualTo(SignatureFailureKind.PASSWORD_REQUIRED);
  }

  @Test
  void open_encryptedWithAWrongPassword_isWrongPassword() throws Exception {
    GeneratedKeyPair pair = keyGenerator().generate(cheapScrypt(password()));

    assertThat(refusal(pair.secretKeyText(), PasswordSource.of("wrong".toCharArray())).kind())
        .isEqualTo(SignatureFailureKind.WRONG_PASSWORD);
  }

  @Test
  void open_unencrypted_neverReadsThePassword() throws Exception {
    GeneratedKeyPair pair = keyGenerator().generate(KeyProtection.unencrypted());
    AtomicInteger reads = new AtomicInteger();
    PasswordSource counting =
        () -> {
          reads.incrementAndGet();
          return Optional.of("unused".toCharArray());
        };

    signer().open(pair.secretKeyText().getBytes(StandardCharsets.UTF_8), counting).close();

    assertThat(reads).hasValue(0);
  }

  @Test
  void open_emptyOrCutAfterTheComment_isTruncated() throws Exception {
    GeneratedKeyPair pair = keyGenerator().generate(KeyProtection.unencrypted());

    assertThat(refusal("", PasswordSource.none()).kind()).isEqualTo(SignatureFailureKind.TRUNCATED);
    assertThat(
            refusal(MinisignText.firstLines(pair.secretKeyText(), 1), PasswordSource.none()).kind())
        .isEqualTo(SignatureFailureKind.TRUNCATED);
  }

  @Test
  void open_keyLineNotBase64OrTooShort_isMalformedBase64() throws Exception {
    GeneratedKeyPair pair = keyGenerator().generate(KeyProtection.unencrypted());
    String keyLine = MinisignText.line(pair.secretKeyText(), 1);

    assertThat(
            refusal(
                    MinisignText.withLine(pair.secretKeyText(), 1, "not base64 at all!"),
                    PasswordSource.none())
                .kind())
        .isEqualTo(SignatureFailureKind.MALFORMED_BASE64);
    assertThat(
            refusal(
                    MinisignText.withLine(pair.secretKeyText(), 1, keyLine.substring(0, 40)),
                    PasswordSource.none())
                .kind())
        .isEqualTo(SignatureFailureKind.MALFORMED_BASE64);
  }

  @Test
  void open_unknownSignatureAlgorithm_isUnsupportedAlgorithm() throws Exception {
    GeneratedKeyPair pair = keyGenerator().generate(KeyProtection.unencrypted());
    String damaged = MinisignText.withBytes(pair.secretKeyText(), 1, 0, new byte[] {'X', 'x'});

    assertThat(refusal(damaged, PasswordSource.none()).kind())
        .isEqualTo(SignatureFailureKind.UNSUPPORTED_ALGORITHM);
  }

  @Test
  void open_unknownKeyDerivation_isUnsupportedKdf() throws Exception {
    GeneratedKeyPair pair = keyGenerator().generate(cheapScrypt(password()));
    String damaged = MinisignText.withBytes(pair.secretKeyText(), 1, 2, new byte[] {'Z', 'z'});

    assertThat(refusal(damaged, password()).kind()).isEqualTo(SignatureFailureKind.UNSUPPORTED_KDF);
  }

  @Test
  void open_unknownChecksum_isUnsupportedChecksum() throws Exception {
    GeneratedKeyPair pair = keyGenerator().generate(cheapScrypt(password()));
    String damaged = MinisignText.withBytes(pair.secretKeyText(), 1, 4, new byte[] {'Q', '9'});

    assertThat(refusal(damaged, password()).kind())
        .isEqualTo(SignatureFailureKind.UNSUPPORTED_CHECKSUM);
  }

  @Test
  void open_unencryptedKeyWithADamagedSeed_isCorruptSecretKey() throws Exception {
    GeneratedKeyPair pair = keyGenerator().generate(KeyProtection.unencrypted());
    String damaged = MinisignText.withFlippedByte(pair.secretKeyText(), 1, KEY_SEED + 5, 0x01);

    assertThat(refusal(damaged, PasswordSource.none()).kind())
        .isEqualTo(SignatureFailureKind.CORRUPT_SECRET_KEY);
  }

  @Test
  void open_encryptedKeyWithADamagedSeed_isWrongPassword() throws Exception {
    // An encrypted key's checksum cannot tell damage from a wrong password; minisign says the
    // latter.
    GeneratedKeyPair pair = keyGenerator().generate(cheapScrypt(password()));
    String damaged = MinisignText.withFlippedByte(pair.secretKeyText(), 1, KEY_SEED + 5, 0x01);

    assertThat(refusal(damaged, password()).kind()).isEqualTo(SignatureFailureKind.WRONG_PASSWORD);
  }

  @Test
  void generate_scryptWithoutAPassword_isPasswordRequired() {
    assertThatThrownBy(() -> keyGenerator().generate(cheapScrypt(PasswordSource.none())))
        .isInstanceOfSatisfying(
            SigningException.class,
            e -> assertThat(e.kind()).isEqualTo(SignatureFailureKind.PASSWORD_REQUIRED));
  }

  @Test
  void generate_scryptWithALineBreakInThePassword_isInvalidPassword() {
    PasswordSource unreadable = PasswordSource.of("two\nlines".toCharArray());

    assertThatThrownBy(() -> keyGenerator().generate(cheapScrypt(unreadable)))
        .isInstanceOfSatisfying(
            SigningException.class,
            e -> assertThat(e.kind()).isEqualTo(SignatureFailureKind.INVALID_PASSWORD));
  }

  @Test
  void sign_sameKeyPayloadAndComments_givesTheSameText() throws Exception {
    GeneratedKeyPair pair = keyGenerator().generate(KeyProtection.unencrypted());

    try (SigningKey key =
        signer()
            .open(pair.secretKeyText().getBytes(StandardCharsets.UTF_8), PasswordSource.none())) {
      assertThat(key.sign(PAYLOAD, COMMENTS)).isEqualTo(key.sign(PAYLOAD, COMMENTS));
      assertThat(key.sign(PAYLOAD, COMMENTS))
          .isNotEqualTo(key.sign("other".getBytes(StandardCharsets.UTF_8), COMMENTS));
    }
  }

  @Test
  void sign_trustedCommentOutsideAscii_comesBackFromTheVerifierAsSigned() throws Exception {
    GeneratedKeyPair pair = keyGenerator().generate(KeyProtection.unencrypted());
    SignatureComments comments = SignatureComments.trusted("caf\u00e9 \u2713 release 7");

    try (SigningKey key =
        signer()
            .open(pair.secretKeyText().getBytes(StandardCharsets.UTF_8), PasswordSource.none())) {
      SignatureVerification result = verified(key.sign(PAYLOAD, comments), pair.publicKeyText());

      assertThat(result)
          .isInstanceOfSatisfying(
              SignatureVerification.Verified.class,
              v -> assertThat(v.trustedComment()).isEqualTo("caf\u00e9 \u2713 release 7"));
    }
  }

  @Test
  void sign_file_verifiesAsThatFile() throws Exception {
    GeneratedKeyPair pair = keyGenerator().generate(KeyProtection.unencrypted());
    Path payload = Files.write(temp.resolve("catalog.json"), PAYLOAD);
    Path publicKey = Files.writeString(temp.resolve("minisign.pub"), pair.publicKeyText());
    Path signature = temp.resolve("catalog.json.minisig");

    try (SigningKey key =
        signer()
            .open(pair.secretKeyText().getBytes(StandardCharsets.UTF_8), PasswordSource.none())) {
      Files.writeString(signature, key.sign(payload, COMMENTS));
    }

    assertThat(verifier().verifyFiles(payload, signature, publicKey, VerifyOptions.cli()).ok())
        .isTrue();
  }

  @Test
  void signFile_replacesTheSignatureAndLeavesNoOtherFile() throws Exception {
    GeneratedKeyPair pair = keyGenerator().generate(KeyProtection.unencrypted());
    Path payload = Files.write(temp.resolve("catalog.json"), PAYLOAD);
    Path publicKey = Files.writeString(temp.resolve("minisign.pub"), pair.publicKeyText());
    Path signature = Files.writeString(temp.resolve("catalog.json.minisig"), "an old signature\n");

    try (SigningKey key =
        signer()
            .open(pair.secretKeyText().getBytes(StandardCharsets.UTF_8), PasswordSource.none())) {
      key.signFile(payload, COMMENTS, signature);
    }

    assertThat(verifier().verifyFiles(payload, signature, publicKey, VerifyOptions.cli()).ok())
        .isTrue();
    assertThat(folderContents()).containsExactly(payload, signature, publicKey);
  }

  @Test
  void signFile_ontoANonEmptyFolder_failsLeavingTheFolderAndNoTemporaryFile() throws Exception {
    GeneratedKeyPair pair = keyGenerator().generate(KeyProtection.unencrypted());
    Path payload = Files.write(temp.resolve("catalog.json"), PAYLOAD);
    Path taken = Files.createDirectory(temp.resolve("catalog.json.minisig"));
    Path inner = Files.writeString(taken.resolve("keep.txt"), "keep me\n");

    try (SigningKey key =
        signer()
            .open(pair.secretKeyText().getBytes(StandardCharsets.UTF_8), PasswordSource.none())) {
      assertThatThrownBy(() -> key.signFile(payload, COMMENTS, taken))
          .isInstanceOf(IOException.class);
    }

    assertThat(folderContents()).containsExactly(payload, taken);
    assertThat(inner).hasContent("keep me");
  }

  @Test
  void signFile_missingPayload_failsWithNoSuchFileAndWritesNothing() throws Exception {
    GeneratedKeyPair pair = keyGenerator().generate(KeyProtection.unencrypted());

    try (SigningKey key =
        signer()
            .open(pair.secretKeyText().getBytes(StandardCharsets.UTF_8), PasswordSource.none())) {
      assertThatThrownBy(
              () ->
                  key.signFile(
                      temp.resolve("absent.json"), COMMENTS, temp.resolve("absent.json.minisig")))
          .isInstanceOf(NoSuchFileException.class);
    }

    assertThat(folderContents()).isEmpty();
  }

  @Test
  void signerSignFile_withAnEncryptedKeyFile_writesAVerifiedSignature() throws Exception {
    Path publicKey = temp.resolve("minisign.pub");
    Path secretKey = temp.resolve("minisign.key");
    keyGenerator().generateFiles(publicKey, secretKey, cheapScrypt(password()), false);
    Path payload = Files.write(temp.resolve("manifest.json"), PAYLOAD);
    Path signature = Signer.defaultSignatureFile(payload);

    signer().signFile(payload, secretKey, password(), COMMENTS, signature);

    assertThat(signature.getFileName().toString()).isEqualTo("manifest.json.minisig");
    assertThat(verifier().verifyFiles(payload, signature, publicKey, VerifyOptions.cli()).ok())
        .isTrue();
  }

  @Test
  void close_thenSign_isRefused() throws Exception {
    GeneratedKeyPair pair = keyGenerator().generate(KeyProtection.unencrypted());
    SigningKey key =
        signer().open(pair.secretKeyText().getBytes(StandardCharsets.UTF_8), PasswordSource.none());

    key.close();

    assertThatThrownBy(() -> key.sign(PAYLOAD, COMMENTS)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void generateFiles_writesBothKeysTheSecretReadableByItsOwnerOnly() throws Exception {
    Path publicKey = temp.resolve("minisign.pub");
    Path secretKey = temp.resolve("minisign.key");

    KeyId id =
        keyGenerator().generateFiles(publicKey, secretKey, KeyProtection.unencrypted(), false);

    assertThat(Files.readString(publicKey))
        .startsWith("untrusted comment: minisign public key " + id.hex() + "\n");
    try (SigningKey key = signer().open(secretKey, PasswordSource.none())) {
      assertThat(key.keyId()).isEqualTo(id);
      assertThat(key.publicKeyText()).isEqualTo(Files.readString(publicKey));
    }
    if (Files.getFileAttributeView(secretKey, PosixFileAttributeView.class) != null) {
      assertThat(Files.getPosixFilePermissions(secretKey))
          .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    }
    assertThat(folderContents()).containsExactly(secretKey, publicKey);
  }

  @Test
  void generateFiles_existingKeyWithoutOverwrite_isRefusedAndLeftAlone() throws Exception {
    Path publicKey = Files.writeString(temp.resolve("minisign.pub"), "old public\n");
    Path secretKey = Files.writeString(temp.resolve("minisign.key"), "old secret\n");

    assertThatThrownBy(
            () ->
                keyGenerator()
                    .generateFiles(publicKey, secretKey, KeyProtection.unencrypted(), false))
        .isInstanceOf(FileAlreadyExistsException.class);

    assertThat(publicKey).hasContent("old public");
    assertThat(secretKey).hasContent("old secret");
    assertThat(folderContents()).containsExactly(secretKey, publicKey);
  }

  @Test
  void generateFiles_overwrite_replacesBothWithANewPair() throws Exception {
    Path publicKey = Files.writeString(temp.resolve("minisign.pub"), "old public\n");
    Path secretKey = Files.writeString(temp.resolve("minisign.key"), "old secret\n");

    KeyId id =
        keyGenerator().generateFiles(publicKey, secretKey, KeyProtection.unencrypted(), true);

    try (SigningKey key = signer().open(secretKey, PasswordSource.none())) {
      assertThat(key.keyId()).isEqualTo(id);
      assertThat(Files.readString(publicKey)).isEqualTo(key.publicKeyText());
    }
    assertThat(folderContents()).containsExactly(secretKey, publicKey);
  }
}

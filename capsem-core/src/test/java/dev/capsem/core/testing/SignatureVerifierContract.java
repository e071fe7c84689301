package dev.capsem.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.ports.GeneratedKeyPair;
import dev.capsem.core.ports.KeyProtection;
import dev.capsem.core.ports.PasswordSource;
import dev.capsem.core.ports.SignatureAlgorithm;
import dev.capsem.core.ports.SignatureComments;
import dev.capsem.core.ports.SignatureFailureKind;
import dev.capsem.core.ports.SignatureVerification;
import dev.capsem.core.ports.SignatureVerifier;
import dev.capsem.core.ports.Signer;
import dev.capsem.core.ports.SigningKey;
import dev.capsem.core.ports.SigningKeyGenerator;
import dev.capsem.core.ports.VerifyOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractComparableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every {@link SignatureVerifier} must do (STYLE rule 11), under both policies: a good
 * signature verifies with its key id, algorithm and comments; a change to the payload, the
 * signature, the trusted comment or the key is refused with its own {@link SignatureFailureKind},
 * as data, never thrown; legacy {@code Ed} signatures only when allowed; unreadable files are
 * refusals too. Signatures and keys are minisign files (ports' javadoc), damaged by minisign's
 * layout:
 *
 * <pre>
 * public key  (42):  "Ed" | key id (8) | public key (32)
 * signature   (74):  "ED" or "Ed" | key id (8) | signature (64)
 * global sig  (64):  over signature (64) | trusted comment
 * </pre>
 */
public abstract class SignatureVerifierContract {

  @TempDir protected Path temp;

  /** The verifier under test. */
  protected abstract SignatureVerifier verifier();

  /** A signer whose signatures the verifier reads. */
  protected abstract Signer signer();

  /** The generator of the signer's keys. */
  protected abstract SigningKeyGenerator keyGenerator();

  /** A legacy {@code Ed} signature (over the raw payload) by {@code key}. */
  protected abstract String legacySignature(
      SigningKey key, byte[] payload, SignatureComments comments);

  private static final byte[] PAYLOAD =
      "{\"format\": 2, \"assets\": []}\n".getBytes(StandardCharsets.UTF_8);

  private static final SignatureComments COMMENTS =
      new SignatureComments(
          "signature from the release job", "timestamp:1700000000\tfile:manifest.json\thashed");

  private GeneratedKeyPair pair;
  private SigningKey key;
  private String signature;

  static Stream<VerifyOptions> policies() {
    return Stream.of(VerifyOptions.cli(), VerifyOptions.runtime());
  }

  @BeforeEach
  void signOnce() throws Exception {
    pair = keyGenerator().generate(KeyProtection.unencrypted());
    key =
        signer().open(pair.secretKeyText().getBytes(StandardCharsets.UTF_8), PasswordSource.none());
    signature = key.sign(PAYLOAD, COMMENTS);
  }

  @AfterEach
  void closeKey() {
    key.close();
  }

  private AbstractComparableAssert<?, SignatureFailureKind> assertRefused(
      SignatureVerification result) {
    assertThat(result.ok()).as(result.message()).isFalse();
    assertThat(result.failure()).isPresent();
    assertThat(result.message()).isNotBlank();
    return assertThat(result.failure().orElseThrow().kind());
  }

  private SignatureVerification verify(
      byte[] payload, String signatureText, String publicKey, VerifyOptions options) {
    return verifier().verify(payload, signatureText, publicKey, options);
  }

  @ParameterizedTest
  @MethodSource("policies")
  void verify_goodSignature_isVerifiedWithItsKeyAlgorithmAndComments(VerifyOptions options) {
    assertThat(verify(PAYLOAD, signature, pair.publicKeyText(), options))
        .isEqualTo(
            new SignatureVerification.Verified(
                pair.keyId(),
                SignatureAlgorithm.PREHASHED,
                COMMENTS.trusted(),
                COMMENTS.untrusted()));
  }

  @ParameterizedTest
  @MethodSource("policies")
  void verify_payloadChangedByOneBit_isBadSignature(VerifyOptions options) {
    byte[] tampered = PAYLOAD.clone();
    tampered[5] ^= 0x01;

    assertRefused(verify(tampered, signature, pair.publicKeyText(), options))
        .isEqualTo(SignatureFailureKind.BAD_SIGNATURE);
  }

  @ParameterizedTest
  @MethodSource("policies")
  void verify_signatureBytesChanged_isBadSignature(VerifyOptions options) {
    String tampered = MinisignText.withFlippedByte(signature, 1, 10 + 20, 0x40);

    assertRefused(verify(PAYLOAD, tampered, pair.publicKeyText(), options))
        .isEqualTo(SignatureFailureKind.BAD_SIGNATURE);
  }

  @ParameterizedTest
  @MethodSource("policies")
  void verify_trustedCommentChanged_isBadGlobalSignature(VerifyOptions options) {
    String tampered =
        MinisignText.withLine(
            signature, 2, "trusted comment: timestamp:1800000000\tfile:manifest.json\thashed");

    assertRefused(verify(PAYLOAD, tampered, pair.publicKeyText(), options))
        .isEqualTo(SignatureFailureKind.BAD_GLOBAL_SIGNATURE);
  }

  @ParameterizedTest
  @MethodSource("policies")
  void verify_globalSignatureChanged_isBadGlobalSignature(VerifyOptions options) {
    String tampered = MinisignText.withFlippedByte(signature, 3, 7, 0x01);

    assertRefused(verify(PAYLOAD, tampered, pair.publicKeyText(), options))
        .isEqualTo(SignatureFailureKind.BAD_GLOBAL_SIGNATURE);
  }

  @ParameterizedTest
  @MethodSource("policies")
  void verify_untrustedCommentChanged_stillVerifiesShowingTheNewText(VerifyOptions options) {
    String changed = MinisignText.withLine(signature, 0, "untrusted comment: edited by anyone");

    assertThat(verify(PAYLOAD, changed, pair.publicKeyText(), options))
        .isInstanceOfSatisfying(
            SignatureVerification.Verified.class,
            v -> assertThat(v.untrustedComment()).isEqualTo("edited by anyone"));
  }

  @ParameterizedTest
  @MethodSource("policies")
  void verify_publicKeyOfAnotherKey_isWrongKeyId(VerifyOptions options) throws Exception {
    GeneratedKeyPair other = keyGenerator().generate(KeyProtection.unencrypted());

    assertRefused(verify(PAYLOAD, signature, other.publicKeyText(), options))
        .isEqualTo(SignatureFailureKind.WRONG_KEY_ID);
  }

  @ParameterizedTest
  @MethodSource("policies")
  void verify_keyIdInTheSignatureChanged_isWrongKeyId(VerifyOptions options) {
    String tampered = MinisignText.withFlippedByte(signature, 1, 2, 0x01);

    assertRefused(verify(PAYLOAD, tampered, pair.publicKeyText(), options))
        .isEqualTo(SignatureFailureKind.WRONG_KEY_ID);
  }

  @ParameterizedTest
  @MethodSource("policies")
  void verify_publicKeyBytesChangedKeepingItsId_isBadSignature(VerifyOptions options) {
    String otherKey = MinisignText.withFlippedByte(pair.publicKeyText(), 1, 10 + 3, 0x01);

    assertRefused(verify(PAYLOAD, signature, otherKey, options))
        .isEqualTo(SignatureFailureKind.BAD_SIGNATURE);
  }

  @ParameterizedTest
  @MethodSource("policies")
  void verify_signatureLineNotBase64_isMalformedBase64(VerifyOptions options) {
    String damaged = MinisignText.withLine(signature, 1, "this is not base64!");

    assertRefused(verify(PAYLOAD, damaged, pair.publicKeyText(), options))
        .isEqualTo(SignatureFailureKind.MALFORMED_BASE64);
  }

  @ParameterizedTest
  @MethodSource("policies")
  void verify_signatureCutAfterTwoLines_isTruncated(VerifyOptions options) {
    assertRefused(
            verify(PAYLOAD, MinisignText.firstLines(signature, 2), pair.publicKeyText(), options))
        .isEqualTo(SignatureFailureKind.TRUNCATED);
  }

  @ParameterizedTest
  @MethodSource("policies")
  void verify_emptyPublicKey_isTruncated(VerifyOptions options) {
    assertRefused(verify(PAYLOAD, signature, "", options))
        .isEqualTo(SignatureFailureKind.TRUNCATED);
  }

  @ParameterizedTest
  @MethodSource("policies")
  void verify_signatureOfAnUnknownAlgorithm_isUnsupportedAlgorithm(VerifyOptions options) {
    String damaged = MinisignText.withBytes(signature, 1, 0, new byte[] {'X', 'x'});

    assertRefused(verify(PAYLOAD, damaged, pair.publicKeyText(), options))
        .isEqualTo(SignatureFailureKind.UNSUPPORTED_ALGORITHM);
  }

  @ParameterizedTest
  @MethodSource("policies")
  void verify_legacySignature_isRefusedUnlessAllowed(VerifyOptions options) {
    String legacy = legacySignature(key, PAYLOAD, COMMENTS);

    assertRefused(verify(PAYLOAD, legacy, pair.publicKeyText(), options))
        .isEqualTo(SignatureFailureKind.LEGACY_NOT_ALLOWED);
    assertThat(verify(PAYLOAD, legacy, pair.publicKeyText(), options.allowingLegacy()))
        .isEqualTo(
            new SignatureVerification.Verified(
                pair.keyId(), SignatureAlgorithm.LEGACY, COMMENTS.trusted(), COMMENTS.untrusted()));
  }

  @ParameterizedTest
  @MethodSource("policies")
  void verify_legacySignatureOfAnotherPayload_isBadSignatureEvenWhenAllowed(VerifyOptions options) {
    String legacy =
        legacySignature(key, "another payload".getBytes(StandardCharsets.UTF_8), COMMENTS);

    assertRefused(verify(PAYLOAD, legacy, pair.publicKeyText(), options.allowingLegacy()))
        .isEqualTo(SignatureFailureKind.BAD_SIGNATURE);
  }

  @ParameterizedTest
  @MethodSource("policies")
  void verify_prehashedSignatureRetaggedLegacy_isRefusedOrBad(VerifyOptions options) {
    String retagged = MinisignText.withBytes(signature, 1, 0, SignatureAlgorithm.LEGACY.tagBytes());

    assertRefused(verify(PAYLOAD, retagged, pair.publicKeyText(), options))
        .isEqualTo(SignatureFailureKind.LEGACY_NOT_ALLOWED);
    assertRefused(verify(PAYLOAD, retagged, pair.publicKeyText(), options.allowingLegacy()))
        .isEqualTo(SignatureFailureKind.BAD_SIGNATURE);
  }

  private Path write(String name, byte[] content) throws IOException {
    return Files.write(temp.resolve(name), content);
  }

  @ParameterizedTest
  @MethodSource("policies")
  void verifyFiles_goodSignature_isVerified(VerifyOptions options) throws IOException {
    Path payload = write("manifest.json", PAYLOAD);
    Path sig = write("manifest.json.minisig", signature.getBytes(StandardCharsets.UTF_8));
    Path pub = write("minisign.pub", pair.publicKeyText().getBytes(StandardCharsets.UTF_8));

    assertThat(verifier().verifyFiles(payload, sig, pub, options).ok()).isTrue();
  }

  @Test
  void verifyFiles_largePayload_isVerified() throws IOException {
    byte[] large = new byte[12 * 1024 * 1024 + 5];
    new Random(21).nextBytes(large);
    Path payload = write("rootfs.squashfs", large);
    Path sig =
        write(
            "rootfs.squashfs.minisig", key.sign(large, COMMENTS).getBytes(StandardCharsets.UTF_8));
    Path pub = write("minisign.pub", pair.publicKeyText().getBytes(StandardCharsets.UTF_8));

    assertThat(verifier().verifyFiles(payload, sig, pub, VerifyOptions.cli()).ok()).isTrue();
  }

  @ParameterizedTest
  @MethodSource("policies")
  void verifyFiles_anyFileMissing_isUnreadableNotAnException(VerifyOptions options)
      throws IOException {
    Path payload = write("manifest.json", PAYLOAD);
    Path sig = write("manifest.json.minisig", signature.getBytes(StandardCharsets.UTF_8));
    Path pub = write("minisign.pub", pair.publicKeyText().getBytes(StandardCharsets.UTF_8));
    Path absent = temp.resolve("absent");

    assertRefused(verifier().verifyFiles(absent, sig, pub, options))
        .isEqualTo(SignatureFailureKind.UNREADABLE);
    assertRefused(verifier().verifyFiles(payload, absent, pub, options))
        .isEqualTo(SignatureFailureKind.UNREADABLE);
    assertRefused(verifier().verifyFiles(payload, sig, absent, options))
        .isEqualTo(SignatureFailureKind.UNREADABLE);
  }

  @Test
  void verifyFiles_missingFileUnderTheCliPolicy_namesIt() throws IOException {
    Path payload = write("manifest.json", PAYLOAD);
    Path sig = write("manifest.json.minisig", signature.getBytes(StandardCharsets.UTF_8));
    Path pub = write("minisign.pub", pair.publicKeyText().getBytes(StandardCharsets.UTF_8));
    Path absent = temp.resolve("absent-file");

    assertThat(verifier().verifyFiles(absent, sig, pub, VerifyOptions.cli()).message())
        .contains(absent.toString());
    assertThat(verifier().verifyFiles(payload, absent, pub, VerifyOptions.cli()).message())
        .contains(absent.toString());
    assertThat(verifier().verifyFiles(payload, sig, absent, VerifyOptions.cli()).message())
        .contains(absent.toString());
  }

  @Test
  void verifyFiles_wrongKeyUnderTheCliPolicy_namesTheSignatureAsTheOptionsSay() throws Exception {
    GeneratedKeyPair other = keyGenerator().generate(KeyProtection.unencrypted());
    Path payload = write("manifest.json", PAYLOAD);
    Path sig = write("staged-7f3a.minisig", signature.getBytes(StandardCharsets.UTF_8));
    Path pub = write("other.pub", other.publicKeyText().getBytes(StandardCharsets.UTF_8));

    assertThat(verifier().verifyFiles(payload, sig, pub, VerifyOptions.cli()).message())
        .contains(sig.toString())
        .contains(pair.keyId().hex())
        .contains(other.keyId().hex());
    assertThat(
            verifier()
                .verifyFiles(
                    payload, sig, pub, VerifyOptions.cli().namingSignature("manifest.json.minisig"))
                .message())
        .contains("manifest.json.minisig")
        .doesNotContain("staged-7f3a");
  }
}

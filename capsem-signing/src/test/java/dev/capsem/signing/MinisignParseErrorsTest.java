package dev.capsem.signing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.ports.GeneratedKeyPair;
import dev.capsem.core.ports.SignatureComments;
import dev.capsem.core.ports.SignatureFailure;
import dev.capsem.core.ports.SignatureFailureKind;
import dev.capsem.core.ports.SignatureVerification;
import dev.capsem.core.ports.SigningKey;
import dev.capsem.core.ports.VerifyOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed public keys and signatures give precise kinds, minisign's texts under the CLI policy
 * and minisign-verify's under the runtime policy. (The interoperability test pins the CLI texts
 * against the real binary; these run without it.)
 */
class MinisignParseErrorsTest {

  private static final byte[] PAYLOAD = "payload\n".getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;
  private String signature;
  private String publicKey;
  private String[] s;
  private String[] p;

  @BeforeEach
  void signOnce() {
    GeneratedKeyPair pair = TestKeys.unencrypted(1);
    try (SigningKey key = TestKeys.open(pair)) {
      signature = key.sign(PAYLOAD, SignatureComments.trusted("t"));
    }
    publicKey = pair.publicKeyText();
    s = signature.split("\n");
    p = publicKey.split("\n");
  }

  @Test
  void verify_emptySignatureFile_isTruncated() {
    assertCli(
        "", publicKey, SignatureFailureKind.TRUNCATED, "Error while reading the signature file\n");
    assertRuntime(
        "",
        publicKey,
        SignatureFailureKind.TRUNCATED,
        "decode signature: Invalid encoding in minisign data");
  }

  @Test
  void verify_signatureWithoutTrustedComment_isTruncated() {
    String twoLines = s[0] + "\n" + s[1] + "\n";

    assertCli(twoLines, publicKey, SignatureFailureKind.TRUNCATED, "Trusted comment not present\n");
    assertRuntime(
        twoLines,
        publicKey,
        SignatureFailureKind.TRUNCATED,
        "decode signature: Invalid encoding in minisign data");
  }

  @Test
  void verify_signatureWithoutGlobalSignature_isTruncated() {
    String threeLines = s[0] + "\n" + s[1] + "\n" + s[2] + "\n";

    assertCli(
        threeLines,
        publicKey,
        SignatureFailureKind.TRUNCATED,
        "Error while reading the signature file\n");
  }

  @Test
  void verify_untrustedCommentWithoutPrefix_isMalformedCommentForCliOnly() {
    String noPrefix = "signature from somewhere\n" + s[1] + "\n" + s[2] + "\n" + s[3] + "\n";

    assertCli(
        noPrefix,
        publicKey,
        SignatureFailureKind.MALFORMED_COMMENT,
        "Untrusted signature comment should start with \"untrusted comment: \"\n");
    SignatureVerification runtime =
        Minisign.verifier().verify(PAYLOAD, noPrefix, publicKey, VerifyOptions.runtime());
    assertThat(runtime.ok()).isTrue();
    assertThat(((SignatureVerification.Verified) runtime).untrustedComment())
        .isEqualTo("signature from somewhere");
  }

  @Test
  void verify_trustedCommentWithoutPrefix_isMalformedComment() {
    String noPrefix = s[0] + "\n" + s[1] + "\ncomment: t\n" + s[3] + "\n";

    assertCli(
        noPrefix,
        publicKey,
        SignatureFailureKind.MALFORMED_COMMENT,
        "Trusted signature comment should start with \"trusted comment: \"\n");
    assertRuntime(
        noPrefix,
        publicKey,
        SignatureFailureKind.MALFORMED_COMMENT,
        "decode signature: Invalid encoding in minisign data");
  }

  @Test
  void verify_signatureLineNotBase64_isMalformedBase64() {
    String bad = s[0] + "\n" + s[1].replace('A', '*') + "x\n" + s[2] + "\n" + s[3] + "\n";

    assertCli(
        bad,
        publicKey,
        SignatureFailureKind.MALFORMED_BASE64,
        "base64 conversion failed - was an actual signature given?\n");
    assertRuntime(
        bad,
        publicKey,
        SignatureFailureKind.MALFORMED_BASE64,
        "decode signature: Invalid encoding in minisign data");
  }

  @Test
  void verify_globalSignatureTruncatedByOneCharacter_isMalformedBase64() {
    String bad = s[0] + "\n" + s[1] + "\n" + s[2] + "\n" + s[3].substring(1) + "\n";

    assertCli(
        bad,
        publicKey,
        SignatureFailureKind.MALFORMED_BASE64,
        "base64 conversion failed - was an actual signature given?\n");
  }

  @Test
  void verify_unknownAlgorithm_isUnsupportedAlgorithm() {
    byte[] structure = Base64.getDecoder().decode(s[1]);
    structure[0] = 'X';
    String bad = s[0] + "\n" + b64(structure) + "\n" + s[2] + "\n" + s[3] + "\n";

    assertCli(
        bad,
        publicKey,
        SignatureFailureKind.UNSUPPORTED_ALGORITHM,
        "Unsupported signature algorithm\n");
    assertRuntime(
        bad,
        publicKey,
        SignatureFailureKind.UNSUPPORTED_ALGORITHM,
        "decode signature: This signature algorithm is not supported by this implementation");
  }

  @Test
  void verify_otherKeyId_isWrongKeyIdNamingBothIds() {
    GeneratedKeyPair other = TestKeys.unencrypted(2);

    SignatureVerification result =
        Minisign.verifier()
            .verify(
                PAYLOAD,
                signature,
                other.publicKeyText(),
                VerifyOptions.cli().namingSignature("x.minisig"));

    assertThat(failure(result).kind()).isEqualTo(SignatureFailureKind.WRONG_KEY_ID);
    assertThat(result.message())
        .isEqualTo(
            "Signature key id in x.minisig is "
                + TestKeys.unencrypted(1).keyId().hex()
                + "\nbut the key id in the public key is "
                + other.keyId().hex()
                + "\n");
    assertRuntime(
        signature,
        other.publicKeyText(),
        SignatureFailureKind.WRONG_KEY_ID,
        "verify: The signature was created with a different key than the one provided");
  }

  @Test
  void verify_publicKeyFileEmptyOrOneLine_isTruncated() {
    assertCli(
        signature, "", SignatureFailureKind.TRUNCATED, "Error while loading the public key file\n");
    assertCli(
        signature,
        p[1] + "\n",
        SignatureFailureKind.TRUNCATED,
        "Error while loading the public key file\n");
    assertRuntime(
        signature,
        p[1] + "\n",
        SignatureFailureKind.TRUNCATED,
        "decode pubkey: Invalid encoding in minisign data");
  }

  @Test
  void verify_publicKeyLineMalformed_isMalformedBase64() {
    String bad = p[0] + "\n" + p[1].substring(4) + "\n";

    assertCli(
        signature,
        bad,
        SignatureFailureKind.MALFORMED_BASE64,
        "base64 conversion failed - was an actual public key given?\n");
    assertRuntime(
        signature,
        bad,
        SignatureFailureKind.MALFORMED_BASE64,
        "decode pubkey: Invalid encoding in minisign data");
  }

  @Test
  void verify_publicKeyWithSurroundingWhitespace_runtimeTrimsCliDoesNot() {
    String padded = "\n  " + publicKey + "\n\n";

    assertThat(Minisign.verifier().verify(PAYLOAD, signature, padded, VerifyOptions.runtime()).ok())
        .isTrue();
    assertThat(Minisign.verifier().verify(PAYLOAD, signature, padded, VerifyOptions.cli()).ok())
        .isFalse();
  }

  @Test
  void verifyFiles_missingFiles_areUnreadableNamingThePath() throws Exception {
    Path payload = Files.write(dir.resolve("payload"), PAYLOAD);
    Path sig = Files.writeString(dir.resolve("payload.minisig"), signature);
    Path pub = Files.writeString(dir.resolve("key.pub"), publicKey);
    Path missing = dir.resolve("missing");

    SignatureVerification noKey =
        Minisign.verifier().verifyFiles(payload, sig, missing, VerifyOptions.cli());
    SignatureVerification noSignature =
        Minisign.verifier().verifyFiles(payload, missing, pub, VerifyOptions.cli());
    SignatureVerification noPayload =
        Minisign.verifier().verifyFiles(missing, sig, pub, VerifyOptions.cli());
    SignatureVerification directory =
        Minisign.verifier().verifyFiles(dir, sig, pub, VerifyOptions.cli());

    assertThat(noKey.message()).isEqualTo(missing + ": No such file or directory\n");
    assertThat(noSignature.message()).isEqualTo(missing + ": No such file or directory\n");
    assertThat(noPayload.message()).isEqualTo(missing + ": No such file or directory\n");
    assertThat(directory.message()).isEqualTo(dir + ": Is a directory\n");
    for (SignatureVerification result : Arrays.asList(noKey, noSignature, noPayload, directory)) {
      assertThat(failure(result).kind()).isEqualTo(SignatureFailureKind.UNREADABLE);
    }
    assertThat(
            Minisign.verifier()
                .verifyFiles(payload, sig, missing, VerifyOptions.runtime())
                .message())
        .isEqualTo("decode pubkey: I/O error: No such file or directory");
    assertThat(Minisign.verifier().verifyFiles(payload, sig, pub, VerifyOptions.cli()).ok())
        .isTrue();
  }

  @Test
  void verifyFiles_signatureWithTrailingGarbage_readsOnlyWhatMinisignReads() throws Exception {
    Path payload = Files.write(dir.resolve("payload"), PAYLOAD);
    byte[] huge = new byte[1 << 20];
    Arrays.fill(huge, (byte) 'z');
    Path sig = dir.resolve("payload.minisig");
    Files.writeString(sig, signature);
    Files.write(sig, huge, java.nio.file.StandardOpenOption.APPEND);
    Path pub = Files.writeString(dir.resolve("key.pub"), publicKey);

    assertThat(Minisign.verifier().verifyFiles(payload, sig, pub, VerifyOptions.cli()).ok())
        .isTrue();
  }

  private static void assertCli(
      String signature, String publicKey, SignatureFailureKind kind, String message) {
    SignatureVerification result =
        Minisign.verifier()
            .verify(PAYLOAD, signature, publicKey, VerifyOptions.cli().allowingLegacy());
    assertThat(failure(result)).isEqualTo(new SignatureFailure(kind, message));
  }

  private static void assertRuntime(
      String signature, String publicKey, SignatureFailureKind kind, String message) {
    SignatureVerification result =
        Minisign.verifier().verify(PAYLOAD, signature, publicKey, VerifyOptions.runtime());
    assertThat(failure(result)).isEqualTo(new SignatureFailure(kind, message));
  }

  private static SignatureFailure failure(SignatureVerification result) {
    assertThat(result.ok()).as("expected a refusal").isFalse();
    return result.failure().orElseThrow();
  }

  private static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}

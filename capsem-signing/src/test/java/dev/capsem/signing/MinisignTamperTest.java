package dev.capsem.signing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.ports.GeneratedKeyPair;
import dev.capsem.core.ports.SignatureComments;
import dev.capsem.core.ports.SignatureFailureKind;
import dev.capsem.core.ports.SignatureVerification;
import dev.capsem.core.ports.SignatureVerifier;
import dev.capsem.core.ports.SigningKey;
import dev.capsem.core.ports.VerificationPolicy;
import dev.capsem.core.ports.VerifyOptions;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Flips bits of everything a signature depends on, one at a time, and requires each change to be
 * refused with a specific kind. Text-level flips cover every bit of the signature file and of the
 * public key's base64 line; field-level flips re-encode canonically, so every bit of every decoded
 * field reaches the cryptography. The untrusted comments are the only unauthenticated bytes (as in
 * minisign); flips there may pass but must not change what was verified.
 */
class MinisignTamperTest {

  private static final Set<SignatureFailureKind> CONTENT_KINDS =
      EnumSet.complementOf(EnumSet.of(SignatureFailureKind.UNREADABLE));

  private final SignatureVerifier verifier = Minisign.verifier();
  private byte[] payload;
  private byte[] signature;
  private byte[] publicKey;
  private final Map<SignatureFailureKind, Integer> seen = new EnumMap<>(SignatureFailureKind.class);

  @BeforeEach
  void signOnce() {
    Random random = new Random(20260520L);
    payload = new byte[2048];
    random.nextBytes(payload);
    GeneratedKeyPair pair = TestKeys.unencrypted(20260520L);
    try (SigningKey key = TestKeys.open(pair)) {
      signature =
          key.sign(payload, SignatureComments.defaults("payload.bin", 1779328520L))
              .getBytes(StandardCharsets.UTF_8);
    }
    publicKey = pair.publicKeyText().getBytes(StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @EnumSource(VerificationPolicy.class)
  void verify_untouched_verifies(VerificationPolicy policy) {
    assertThat(verifier.verify(payload, signature, publicKey, options(policy)).ok()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(VerificationPolicy.class)
  void verify_everyPayloadByteFlipped_isBadSignature(VerificationPolicy policy) {
    for (int i = 0; i < payload.length; i++) {
      int mask = 1 << (i % 8);
      byte[] tampered = flip(payload, i, mask);
      expect(
          verifier.verify(tampered, signature, publicKey, options(policy)),
          SignatureFailureKind.BAD_SIGNATURE,
          "payload byte " + i);
    }
    Random random = new Random(7);
    for (int sample = 0; sample < 64; sample++) {
      int i = random.nextInt(payload.length);
      for (int bit = 0; bit < 8; bit++) {
        expect(
            verifier.verify(flip(payload, i, 1 << bit), signature, publicKey, options(policy)),
            SignatureFailureKind.BAD_SIGNATURE,
            "payload byte " + i + " bit " + bit);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(VerificationPolicy.class)
  void verify_everyBitOfTheSignatureFileFlipped_isRefused(VerificationPolicy policy) {
    String text = new String(signature, StandardCharsets.UTF_8);
    int untrustedEnd = text.indexOf('\n');
    int untrustedTextStart =
        policy == VerificationPolicy.RUNTIME ? 0 : "untrusted comment: ".length();
    int trustedStart = nthLineStart(text, 2) + "trusted comment: ".length();
    int trustedEnd = text.indexOf('\n', trustedStart);
    for (int i = 0; i < signature.length; i++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] tampered = flip(signature, i, 1 << bit);
        SignatureVerification result =
            verifier.verify(payload, tampered, publicKey, options(policy));
        String where = "signature file byte " + i + " bit " + bit;
        if (i >= untrustedTextStart && i < untrustedEnd) {
          // Unauthenticated by design; whatever the outcome, the signed facts are unchanged.
          if (result.ok()) {
            assertThat(((SignatureVerification.Verified) result).trustedComment())
                .isEqualTo("timestamp:1779328520\tfile:payload.bin\thashed");
          }
        } else if (i >= trustedStart && i < trustedEnd && !isLineBreakOrNul(tampered[i])) {
          expect(result, commentChangeKind(policy, tampered[i]), where);
        } else {
          expectOneOf(result, CONTENT_KINDS, where);
        }
      }
    }
    assertThat(seen)
        .containsKeys(
            SignatureFailureKind.MALFORMED_BASE64,
            SignatureFailureKind.WRONG_KEY_ID,
            SignatureFailureKind.BAD_SIGNATURE,
            SignatureFailureKind.BAD_GLOBAL_SIGNATURE,
            SignatureFailureKind.UNSUPPORTED_ALGORITHM);
  }

  @ParameterizedTest
  @EnumSource(VerificationPolicy.class)
  void verify_everyBitOfThePublicKeyLineFlipped_isRefused(VerificationPolicy policy) {
    // The comment line of a public key file is ignored by minisign and by the runtime alike.
    int lineStart = new String(publicKey, StandardCharsets.UTF_8).indexOf('\n');
    for (int i = lineStart; i < publicKey.length; i++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] tampered = flip(publicKey, i, 1 << bit);
        SignatureVerification result =
            verifier.verify(payload, signature, tampered, options(policy));
        if (policy == VerificationPolicy.RUNTIME && result.ok()) {
          // minisign-verify accepts keys tagged ED as well as Ed: same key, same key id.
          assertThat(Base64.getDecoder().decode(lastLine(tampered))).startsWith('E', 'D');
          continue;
        }
        expectOneOf(result, CONTENT_KINDS, "public key byte " + i + " bit " + bit);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(VerificationPolicy.class)
  void verify_everyBitOfEveryDecodedFieldFlipped_isRefusedForItsReason(VerificationPolicy policy) {
    String[] lines = new String(signature, StandardCharsets.UTF_8).split("\n");
    byte[] structure = Base64.getDecoder().decode(lines[1]);
    byte[] global = Base64.getDecoder().decode(lines[3]);
    for (int i = 0; i < structure.length; i++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] changed = flip(structure, i, 1 << bit);
        String text = String.join("\n", lines[0], b64(changed), lines[2], lines[3]) + "\n";
        SignatureVerification result =
            verifier.verify(payload, text, publicKeyText(), options(policy));
        String where = "signature field byte " + i + " bit " + bit;
        if (i < 2) {
          boolean legacy = changed[0] == 'E' && changed[1] == 'd';
          expect(
              result,
              legacy
                  ? SignatureFailureKind.LEGACY_NOT_ALLOWED
                  : SignatureFailureKind.UNSUPPORTED_ALGORITHM,
              where);
        } else if (i < 10) {
          expect(result, SignatureFailureKind.WRONG_KEY_ID, where);
        } else {
          expect(result, SignatureFailureKind.BAD_SIGNATURE, where);
        }
      }
    }
    for (int i = 0; i < global.length; i++) {
      for (int bit = 0; bit < 8; bit++) {
        String text =
            String.join("\n", lines[0], lines[1], lines[2], b64(flip(global, i, 1 << bit))) + "\n";
        expect(
            verifier.verify(payload, text, publicKeyText(), options(policy)),
            SignatureFailureKind.BAD_GLOBAL_SIGNATURE,
            "global signature byte " + i + " bit " + bit);
      }
    }
    String[] keyLines = publicKeyText().split("\n");
    byte[] key = Base64.getDecoder().decode(keyLines[1]);
    for (int i = 0; i < key.length; i++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] changed = flip(key, i, 1 << bit);
        String text = keyLines[0] + "\n" + b64(changed) + "\n";
        SignatureVerification result =
            verifier.verify(
                payload, new String(signature, StandardCharsets.UTF_8), text, options(policy));
        String where = "public key field byte " + i + " bit " + bit;
        if (i < 2) {
          if (policy == VerificationPolicy.RUNTIME && changed[0] == 'E' && changed[1] == 'D') {
            assertThat(result.ok()).as(where + ": ED keys are accepted upstream").isTrue();
          } else {
            expect(result, SignatureFailureKind.UNSUPPORTED_ALGORITHM, where);
          }
        } else if (i < 10) {
          expect(result, SignatureFailureKind.WRONG_KEY_ID, where);
        } else {
          expect(result, SignatureFailureKind.BAD_SIGNATURE, where);
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(VerificationPolicy.class)
  void verify_everyBitOfTheTrustedCommentFlipped_isBadGlobalSignature(VerificationPolicy policy) {
    String[] lines = new String(signature, StandardCharsets.UTF_8).split("\n");
    byte[] comment =
        lines[2].substring("trusted comment: ".length()).getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < comment.length; i++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] changed = flip(comment, i, 1 << bit);
        if (isLineBreakOrNul(changed[i])) {
          continue; // covered by the file-level test: it changes the line structure instead
        }
        String text =
            lines[0]
                + "\n"
                + lines[1]
                + "\ntrusted comment: "
                + new String(changed, StandardCharsets.ISO_8859_1)
                + "\n"
                + lines[3]
                + "\n";
        byte[] file = text.getBytes(StandardCharsets.ISO_8859_1);
        expect(
            verifier.verify(payload, file, publicKey, options(policy)),
            commentChangeKind(policy, changed[i]),
            "trusted comment byte " + i + " bit " + bit);
      }
    }
  }

  /**
   * A changed trusted comment breaks the global signature; under the runtime policy a byte that
   * makes it invalid UTF-8 is refused earlier, since upstream cannot even read such a comment.
   */
  private static SignatureFailureKind commentChangeKind(VerificationPolicy policy, byte changed) {
    return policy == VerificationPolicy.RUNTIME && changed < 0
        ? SignatureFailureKind.MALFORMED_COMMENT
        : SignatureFailureKind.BAD_GLOBAL_SIGNATURE;
  }

  private String publicKeyText() {
    return new String(publicKey, StandardCharsets.UTF_8);
  }

  private void expect(SignatureVerification result, SignatureFailureKind kind, String where) {
    expectOneOf(result, EnumSet.of(kind), where);
  }

  private void expectOneOf(
      SignatureVerification result, Set<SignatureFailureKind> kinds, String where) {
    assertThat(result.ok()).as(where + " passed verification").isFalse();
    SignatureFailureKind kind = result.failure().orElseThrow().kind();
    assertThat(kind).as(where).isIn(kinds);
    seen.merge(kind, 1, Integer::sum);
  }

  private static VerifyOptions options(VerificationPolicy policy) {
    return policy == VerificationPolicy.RUNTIME ? VerifyOptions.runtime() : VerifyOptions.cli();
  }

  private static boolean isLineBreakOrNul(byte b) {
    return b == '\n' || b == '\r' || b == 0;
  }

  private static byte[] flip(byte[] bytes, int index, int mask) {
    byte[] copy = bytes.clone();
    copy[index] ^= (byte) mask;
    return copy;
  }

  private static int nthLineStart(String text, int n) {
    int position = 0;
    for (int i = 0; i < n; i++) {
      position = text.indexOf('\n', position) + 1;
    }
    return position;
  }

  private static String lastLine(byte[] file) {
    String[] lines = new String(file, StandardCharsets.ISO_8859_1).strip().split("\n");
    return lines[lines.length - 1].strip();
  }

  private static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}

package dev.capsem.signing;

import static dev.capsem.signing.MinisignFormat.GLOBAL_SIGNATURE_BYTES;
import static dev.capsem.signing.MinisignFormat.PUBLIC_KEY_BYTES;
import static dev.capsem.signing.MinisignFormat.SIGNATURE_BYTES;

import dev.capsem.core.ports.KeyId;
import dev.capsem.core.ports.SignatureAlgorithm;
import dev.capsem.core.ports.SignatureFailureKind;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads public keys and signatures the way the upstream runtime does ({@code minisign-verify}
 * 0.2.4, {@link dev.capsem.core.ports.VerificationPolicy#RUNTIME}): Rust's {@code str::lines()} (LF
 * or CRLF), no check of the untrusted comment, {@code Ed} or {@code ED} public keys. Every decoding
 * problem is the crate's {@code InvalidEncoding}; the kinds still say which one it was.
 */
final class RuntimeFormat {

  static final String INVALID_ENCODING = "Invalid encoding in minisign data";
  static final String UNSUPPORTED_ALGORITHM =
      "This signature algorithm is not supported by this implementation";

  private static final byte[] TRUSTED_PREFIX =
      MinisignFormat.TRUSTED_PREFIX.getBytes(StandardCharsets.US_ASCII);
  private static final byte[] UNTRUSTED_PREFIX =
      MinisignFormat.UNTRUSTED_PREFIX.getBytes(StandardCharsets.US_ASCII);

  private RuntimeFormat() {}

  /** {@code PublicKey::decode} of the text upstream trims first; the comment line is ignored. */
  static PublicKeyData parsePublicKey(byte[] file) throws Refusal {
    String prefix = "decode pubkey: ";
    List<byte[]> lines = lines(stripAsciiWhitespace(file), 2);
    if (lines.size() < 2) {
      throw new Refusal(SignatureFailureKind.TRUNCATED, prefix + INVALID_ENCODING);
    }
    byte[] decoded = MinisignFormat.decodeBase64(lines.get(1));
    if (decoded == null || decoded.length != PUBLIC_KEY_BYTES) {
      throw new Refusal(SignatureFailureKind.MALFORMED_BASE64, prefix + INVALID_ENCODING);
    }
    if (!MinisignFormat.tagIs(decoded, SignatureAlgorithm.LEGACY)
        && !MinisignFormat.tagIs(decoded, SignatureAlgorithm.PREHASHED)) {
      throw new Refusal(SignatureFailureKind.UNSUPPORTED_ALGORITHM, prefix + UNSUPPORTED_ALGORITHM);
    }
    return new PublicKeyData(
        KeyId.fromBytes(decoded, 2), Arrays.copyOfRange(decoded, 10, PUBLIC_KEY_BYTES));
  }

  /** {@code Signature::decode}, in the crate's order of checks. */
  static SignatureData parseSignature(byte[] file) throws Refusal {
    String prefix = "decode signature: ";
    List<byte[]> lines = lines(file, 4);
    if (lines.isEmpty()) {
      throw new Refusal(SignatureFailureKind.TRUNCATED, prefix + INVALID_ENCODING);
    }
    String untrusted = utf8(lines.get(0), prefix);
    if (lines.size() < 2) {
      throw new Refusal(SignatureFailureKind.TRUNCATED, prefix + INVALID_ENCODING);
    }
    byte[] decoded = MinisignFormat.decodeBase64(lines.get(1));
    if (decoded == null || decoded.length != SIGNATURE_BYTES) {
      throw new Refusal(SignatureFailureKind.MALFORMED_BASE64, prefix + INVALID_ENCODING);
    }
    if (lines.size() < 4) {
      throw new Refusal(SignatureFailureKind.TRUNCATED, prefix + INVALID_ENCODING);
    }
    byte[] global = MinisignFormat.decodeBase64(lines.get(3));
    if (global == null || global.length != GLOBAL_SIGNATURE_BYTES) {
      throw new Refusal(SignatureFailureKind.MALFORMED_BASE64, prefix + INVALID_ENCODING);
    }
    byte[] trustedLine = lines.get(2);
    if (!MinisignFormat.startsWith(trustedLine, TRUSTED_PREFIX)) {
      throw new Refusal(SignatureFailureKind.MALFORMED_COMMENT, prefix + INVALID_ENCODING);
    }
    utf8(trustedLine, prefix);
    SignatureAlgorithm algorithm;
    if (MinisignFormat.tagIs(decoded, SignatureAlgorithm.PREHASHED)) {
      algorithm = SignatureAlgorithm.PREHASHED;
    } else if (MinisignFormat.tagIs(decoded, SignatureAlgorithm.LEGACY)) {
      algorithm = SignatureAlgorithm.LEGACY;
    } else {
      throw new Refusal(SignatureFailureKind.UNSUPPORTED_ALGORITHM, prefix + UNSUPPORTED_ALGORITHM);
    }
    return new SignatureData(
        algorithm,
        KeyId.fromBytes(decoded, 2),
        Arrays.copyOfRange(decoded, 10, SIGNATURE_BYTES),
        Arrays.copyOfRange(trustedLine, TRUSTED_PREFIX.length, trustedLine.length),
        global,
        untrusted.startsWith(MinisignFormat.UNTRUSTED_PREFIX)
            ? untrusted.substring(UNTRUSTED_PREFIX.length)
            : untrusted);
  }

  /**
   * The first {@code max} lines as Rust's {@code str::lines()} yields them: split at LF, a CR right
   * before the LF dropped, no empty line after a final LF.
   */
  static List<byte[]> lines(byte[] text, int max) {
    List<byte[]> lines = new ArrayList<>();
    int start = 0;
    while (start < text.length && lines.size() < max) {
      int end = start;
      while (end < text.length && text[end] != '\n') {
        end++;
      }
      int contentEnd = end;
      if (end < text.length && end > start && text[end - 1] == '\r') {
        contentEnd--;
      }
      lines.add(Arrays.copyOfRange(text, start, contentEnd));
      start = end + 1;
    }
    return lines;
  }

  private static byte[] stripAsciiWhitespace(byte[] text) {
    int start = 0;
    int end = text.length;
    while (start < end && isAsciiWhitespace(text[start])) {
      start++;
    }
    while (end > start && isAsciiWhitespace(text[end - 1])) {
      end--;
    }
    return Arrays.copyOfRange(text, start, end);
  }

  private static boolean isAsciiWhitespace(byte b) {
    return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f';
  }

  /** Rust strings are UTF-8; a comment that is not cannot even be read upstream. */
  private static String utf8(byte[] line, String prefix) throws Refusal {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(line))
          .toString();
    } catch (CharacterCodingException e) {
      throw new Refusal(SignatureFailureKind.MALFORMED_COMMENT, prefix + INVALID_ENCODING);
    }
  }
}

package dev.capsem.signing;

import static dev.capsem.signing.MinisignFormat.GLOBAL_SIGNATURE_BYTES;
import static dev.capsem.signing.MinisignFormat.PUBLIC_KEY_BYTES;
import static dev.capsem.signing.MinisignFormat.SIGNATURE_BYTES;

import dev.capsem.core.ports.KeyId;
import dev.capsem.core.ports.SignatureAlgorithm;
import dev.capsem.core.ports.SignatureFailureKind;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads public keys and signatures the way {@code minisign} 0.11 does, so that every malformed file
 * gets the CLI's own message ({@link dev.capsem.core.ports.VerificationPolicy#MINISIGN_CLI}).
 * minisign reads each line with {@code fgets} into a fixed buffer, treats it as a C string (a NUL
 * ends it), and trims it at the first CR or LF; a line that did not fit its buffer is "too long".
 * Messages end with a newline, as on minisign's stderr.
 */
final class CliFormat {

  /** {@code COMMENTMAXBYTES}: buffer of the untrusted comment lines. */
  static final int COMMENT_BUFFER = 1024;

  /** {@code TRUSTEDCOMMENTMAXBYTES}: buffer of the trusted comment line. */
  static final int TRUSTED_COMMENT_BUFFER = 8192;

  static final String UNREADABLE_SIGNATURE = "Error while reading the signature file\n";
  static final String UNREADABLE_PUBLIC_KEY = "Error while loading the public key file\n";
  static final String UNREADABLE_SECRET_KEY = "Error while loading the secret key file\n";
  static final String UNSUPPORTED_ALGORITHM = "Unsupported signature algorithm\n";
  static final String BAD_SIGNATURE_BASE64 =
      "base64 conversion failed - was an actual signature given?\n";

  private static final byte[] UNTRUSTED_PREFIX =
      MinisignFormat.UNTRUSTED_PREFIX.getBytes(StandardCharsets.US_ASCII);
  private static final byte[] TRUSTED_PREFIX =
      MinisignFormat.TRUSTED_PREFIX.getBytes(StandardCharsets.US_ASCII);

  private CliFormat() {}

  /** {@code B64_MAX_LEN_FROM_BIN_LEN(n) + 2}: the buffer minisign reads a base64 line into. */
  static int base64Buffer(int binaryLength) {
    return (binaryLength + 2) / 3 * 4 + 1 + 2;
  }

  /** {@code pubkey_load_file}: comment line (not checked), then the base64 line. */
  static PublicKeyData parsePublicKey(byte[] file) throws Refusal {
    Lines lines = new Lines(file);
    if (lines.fgets(COMMENT_BUFFER) == null) {
      throw new Refusal(SignatureFailureKind.TRUNCATED, UNREADABLE_PUBLIC_KEY);
    }
    byte[] line = lines.fgets(base64Buffer(PUBLIC_KEY_BYTES));
    if (line == null) {
      throw new Refusal(SignatureFailureKind.TRUNCATED, UNREADABLE_PUBLIC_KEY);
    }
    byte[] decoded = MinisignFormat.decodeBase64(trim(line).text());
    if (decoded == null || decoded.length != PUBLIC_KEY_BYTES) {
      throw new Refusal(
          SignatureFailureKind.MALFORMED_BASE64,
          "base64 conversion failed - was an actual public key given?\n");
    }
    if (!MinisignFormat.startsWith(decoded, MinisignFormat.KEY_ALGORITHM)) {
      throw new Refusal(SignatureFailureKind.UNSUPPORTED_ALGORITHM, UNSUPPORTED_ALGORITHM);
    }
    return new PublicKeyData(
        KeyId.fromBytes(decoded, 2), Arrays.copyOfRange(decoded, 10, PUBLIC_KEY_BYTES));
  }

  /** {@code sig_load}, check for check and message for message. */
  static SignatureData parseSignature(byte[] file) throws Refusal {
    Lines lines = new Lines(file);
    byte[] first = lines.fgets(COMMENT_BUFFER);
    if (first == null) {
      throw new Refusal(SignatureFailureKind.TRUNCATED, UNREADABLE_SIGNATURE);
    }
    Trimmed untrusted = trim(first);
    if (!untrusted.endedWithNewline()) {
      throw new Refusal(
          SignatureFailureKind.MALFORMED_COMMENT, "Untrusted signature comment too long\n");
    }
    if (!MinisignFormat.startsWith(cString(first), UNTRUSTED_PREFIX)) {
      throw new Refusal(
          SignatureFailureKind.MALFORMED_COMMENT,
          "Untrusted signature comment should start with \"untrusted comment: \"\n");
    }
    byte[] second = lines.fgets(base64Buffer(SIGNATURE_BYTES));
    if (second == null) {
      throw new Refusal(SignatureFailureKind.TRUNCATED, UNREADABLE_SIGNATURE);
    }
    Trimmed signatureLine = trim(second);
    if (!signatureLine.endedWithNewline()) {
      throw new Refusal(SignatureFailureKind.MALFORMED_BASE64, "Signature too long\n");
    }
    byte[] third = lines.fgets(TRUSTED_COMMENT_BUFFER);
    if (third == null) {
      throw new Refusal(SignatureFailureKind.TRUNCATED, "Trusted comment not present\n");
    }
    byte[] trustedLine = cString(third);
    if (!MinisignFormat.startsWith(trustedLine, TRUSTED_PREFIX)) {
      throw new Refusal(
          SignatureFailureKind.MALFORMED_COMMENT,
          "Trusted signature comment should start with \"trusted comment: \"\n");
    }
    Trimmed trusted =
        trim(Arrays.copyOfRange(trustedLine, TRUSTED_PREFIX.length, trustedLine.length));
    if (!trusted.endedWithNewline()) {
      throw new Refusal(SignatureFailureKind.MALFORMED_COMMENT, "Trusted comment too long\n");
    }
    byte[] fourth = lines.fgets(base64Buffer(GLOBAL_SIGNATURE_BYTES));
    if (fourth == null) {
      throw new Refusal(SignatureFailureKind.TRUNCATED, UNREADABLE_SIGNATURE);
    }
    byte[] decoded = MinisignFormat.decodeBase64(signatureLine.text());
    if (decoded == null || decoded.length != SIGNATURE_BYTES) {
      throw new Refusal(SignatureFailureKind.MALFORMED_BASE64, BAD_SIGNATURE_BASE64);
    }
    SignatureAlgorithm algorithm = algorithmOf(decoded);
    byte[] global = MinisignFormat.decodeBase64(trim(fourth).text());
    if (global == null || global.length != GLOBAL_SIGNATURE_BYTES) {
      throw new Refusal(SignatureFailureKind.MALFORMED_BASE64, BAD_SIGNATURE_BASE64);
    }
    byte[] untrustedText = untrusted.text();
    return new SignatureData(
        algorithm,
        KeyId.fromBytes(decoded, 2),
        Arrays.copyOfRange(decoded, 10, SIGNATURE_BYTES),
        trusted.text(),
        global,
        new String(
            untrustedText,
            UNTRUSTED_PREFIX.length,
            untrustedText.length - UNTRUSTED_PREFIX.length,
            StandardCharsets.UTF_8));
  }

  private static SignatureAlgorithm algorithmOf(byte[] decoded) throws Refusal {
    for (SignatureAlgorithm algorithm : SignatureAlgorithm.values()) {
      if (MinisignFormat.tagIs(decoded, algorithm)) {
        return algorithm;
      }
    }
    throw new Refusal(SignatureFailureKind.UNSUPPORTED_ALGORITHM, UNSUPPORTED_ALGORITHM);
  }

  /** The line as C sees it: up to the first NUL. */
  static byte[] cString(byte[] line) {
    for (int i = 0; i < line.length; i++) {
      if (line[i] == 0) {
        return Arrays.copyOf(line, i);
      }
    }
    return line;
  }

  /**
   * minisign's {@code trim()}: every CR and LF of the C string becomes a NUL, so the text ends at
   * the first of them; reports whether an LF was seen, i.e. whether the line fit its buffer.
   */
  static Trimmed trim(byte[] line) {
    byte[] c = cString(line);
    int end = c.length;
    boolean newline = false;
    for (int i = c.length - 1; i >= 0; i--) {
      if (c[i] == '\n') {
        newline = true;
        end = i;
      } else if (c[i] == '\r') {
        end = i;
      }
    }
    return new Trimmed(Arrays.copyOf(c, end), newline);
  }

  /** A trimmed line and whether it had its newline. */
  record Trimmed(byte[] text, boolean endedWithNewline) {}

  /** {@code fgets} over an in-memory file. */
  static final class Lines {
    private final byte[] data;
    private int position;

    Lines(byte[] data) {
      this.data = data;
    }

    /**
     * Reads at most {@code bufferSize - 1} bytes, stopping after a newline.
     *
     * @return the bytes read, or {@code null} at end of file
     */
    byte[] fgets(int bufferSize) {
      if (position >= data.length) {
        return null;
      }
      int start = position;
      while (position < data.length && position - start < bufferSize - 1) {
        if (data[position++] == '\n') {
          break;
        }
      }
      return Arrays.copyOfRange(data, start, position);
    }
  }
}

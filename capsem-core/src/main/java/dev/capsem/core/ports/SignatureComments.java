package dev.capsem.core.ports;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * The two comment lines of a signature file. Only the trusted comment is signed (by the global
 * signature); the untrusted one is for display.
 *
 * @param untrusted text after {@code untrusted comment: }, at most {@value #MAX_UNTRUSTED_BYTES}
 *     UTF-8 bytes so that minisign reads the line whole
 * @param trusted text after {@code trusted comment: }, at most {@value #MAX_TRUSTED_BYTES} UTF-8
 *     bytes (minisign 0.11 reads the line into 8192 bytes)
 */
public record SignatureComments(String untrusted, String trusted) {

  /** What minisign writes when no {@code -c} is given. */
  public static final String DEFAULT_UNTRUSTED = "signature from minisign secret key";

  /** 1024-byte buffer less {@code "untrusted comment: "}, the newline and the NUL. */
  public static final int MAX_UNTRUSTED_BYTES = 1003;

  /** 8192-byte buffer less {@code "trusted comment: "}, the newline and the NUL. */
  public static final int MAX_TRUSTED_BYTES = 8173;

  public SignatureComments {
    requireOneLine("untrusted", untrusted, MAX_UNTRUSTED_BYTES);
    requireOneLine("trusted", trusted, MAX_TRUSTED_BYTES);
  }

  /**
   * minisign's default comments for a prehashed signature of {@code fileName} made at {@code
   * timestampSeconds}: {@code timestamp:<t>\tfile:<name>\thashed}. The time comes from the caller
   * (a clock port or SOURCE_DATE_EPOCH), never from the system.
   */
  public static SignatureComments defaults(String fileName, long timestampSeconds) {
    Objects.requireNonNull(fileName, "fileName");
    if (fileName.isEmpty() || fileName.indexOf('/') >= 0 || fileName.indexOf('\\') >= 0) {
      throw new IllegalArgumentException("fileName must be a bare file name: '" + fileName + "'");
    }
    if (timestampSeconds < 0) {
      throw new IllegalArgumentException("timestampSeconds must be >= 0: " + timestampSeconds);
    }
    return new SignatureComments(
        DEFAULT_UNTRUSTED, "timestamp:" + timestampSeconds + "\tfile:" + fileName + "\thashed");
  }

  /** The default untrusted comment with the given trusted comment ({@code minisign -t}). */
  public static SignatureComments trusted(String trustedComment) {
    return new SignatureComments(DEFAULT_UNTRUSTED, trustedComment);
  }

  private static void requireOneLine(String which, String text, int maxBytes) {
    Objects.requireNonNull(text, which);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' || c == '\0') {
        throw new IllegalArgumentException(
            "the "
                + which
                + " comment must be one line without NUL, found U+"
                + String.format(Locale.ROOT, "%04X", (int) c)
                + " at index "
                + i);
      }
    }
    int bytes = text.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > maxBytes) {
      throw new IllegalArgumentException(
          "the "
              + which
              + " comment has "
              + bytes
              + " UTF-8 bytes; minisign reads at most "
              + maxBytes);
    }
  }
}

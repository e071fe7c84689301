package dev.capsem.core.testing;

import java.util.Arrays;
import java.util.Base64;

/**
 * Edits the text of a minisign file (public key, secret key, signature: comment and base64 lines,
 * each ending in a line feed) the way an attacker or a broken disk would, for the signing
 * contracts. The layouts are the ports' own: the files are minisign's.
 */
final class MinisignText {

  private MinisignText() {}

  /** {@code text} with line {@code line} (from 0) replaced. */
  static String withLine(String text, int line, String replacement) {
    String[] lines = text.split("\n", -1);
    lines[line] = replacement;
    return String.join("\n", lines);
  }

  /** Line {@code line} (from 0), without its line feed. */
  static String line(String text, int line) {
    return text.split("\n", -1)[line];
  }

  /** The decoded bytes of base64 line {@code line}. */
  static byte[] decoded(String text, int line) {
    return Base64.getDecoder().decode(line(text, line));
  }

  /** {@code text} with byte {@code index} of base64 line {@code line} XORed with {@code mask}. */
  static String withFlippedByte(String text, int line, int index, int mask) {
    byte[] bytes = decoded(text, line);
    bytes[index] ^= (byte) mask;
    return withLine(text, line, Base64.getEncoder().encodeToString(bytes));
  }

  /**
   * {@code text} with bytes from {@code index} of base64 line {@code line} set to {@code value}.
   */
  static String withBytes(String text, int line, int index, byte[] value) {
    byte[] bytes = decoded(text, line);
    System.arraycopy(value, 0, bytes, index, value.length);
    return withLine(text, line, Base64.getEncoder().encodeToString(bytes));
  }

  /** {@code text} cut after its first {@code lines} lines. */
  static String firstLines(String text, int lines) {
    String[] all = text.split("\n", -1);
    return String.join("\n", Arrays.copyOf(all, lines)) + "\n";
  }
}

package dev.capsem.signing;

/** Lower-case hex of a 32-byte digest held as 8 little-endian words. */
final class Blake3Hex {

  private static final String DIGITS = "0123456789abcdef";

  private Blake3Hex() {}

  static String of(int[] words) {
    char[] hex = new char[64];
    for (int i = 0; i < 32; i++) {
      int b = words[i >> 2] >>> (8 * (i & 3));
      hex[2 * i] = DIGITS.charAt((b >>> 4) & 0xF);
      hex[2 * i + 1] = DIGITS.charAt(b & 0xF);
    }
    return new String(hex);
  }
}

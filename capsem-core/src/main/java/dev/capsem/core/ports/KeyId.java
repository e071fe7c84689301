package dev.capsem.core.ports;

import java.util.Locale;

/**
 * The 8-byte identifier minisign stores in public keys, secret keys and signatures, so that a
 * verifier can tell a signature made by another key apart from a forged one.
 *
 * @param value the 8 key-id bytes read as a little-endian unsigned 64-bit number, the way minisign
 *     prints it
 */
public record KeyId(long value) {

  /** Reads the key id from its 8 bytes as stored in minisign files (little-endian). */
  public static KeyId fromBytes(byte[] bytes, int offset) {
    if (offset < 0 || bytes.length - offset < 8) {
      throw new IllegalArgumentException("a key id needs 8 bytes from offset " + offset);
    }
    long value = 0;
    for (int i = 7; i >= 0; i--) {
      value = (value << 8) | (bytes[offset + i] & 0xFFL);
    }
    return new KeyId(value);
  }

  /** Parses the printed form ({@code 9C194CA9E85EBF10}); leading zeros are optional. */
  public static KeyId fromHex(String hex) {
    if (hex.isEmpty() || hex.length() > 16 || !hex.chars().allMatch(KeyId::isHexDigit)) {
      throw new IllegalArgumentException("a key id is 1 to 16 hex digits: '" + hex + "'");
    }
    return new KeyId(Long.parseUnsignedLong(hex, 16));
  }

  /** The 8 bytes as stored in minisign files. */
  public byte[] toBytes() {
    byte[] bytes = new byte[8];
    for (int i = 0; i < 8; i++) {
      bytes[i] = (byte) (value >>> (8 * i));
    }
    return bytes;
  }

  /**
   * Upper-case hex without zero padding, exactly as minisign prints it ({@code %PRIX64}), e.g. in
   * {@code minisign public key 9C194CA9E85EBF10}.
   */
  public String hex() {
    return Long.toHexString(value).toUpperCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return hex();
  }

  private static boolean isHexDigit(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}

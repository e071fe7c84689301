package dev.capsem.signing;

import dev.capsem.core.ports.PasswordSource;
import dev.capsem.core.ports.SignatureFailureKind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/** Turns a {@link PasswordSource} into the bytes scrypt takes, wiping the intermediate copies. */
final class Passwords {

  /** minisign reads passwords with {@code fgets} into 1024 bytes: 1023 bytes at most. */
  static final int MAX_PASSWORD_BYTES = 1023;

  private Passwords() {}

  /**
   * The password as UTF-8 (what a UTF-8 terminal sends to minisign); the caller wipes it.
   *
   * @param purpose completes "a password is required to …"
   */
  static byte[] require(PasswordSource source, String purpose) throws IOException, Refusal {
    Optional<char[]> password = source.read();
    if (password.isEmpty()) {
      throw new Refusal(
          SignatureFailureKind.PASSWORD_REQUIRED, "a password is required to " + purpose);
    }
    char[] chars = password.get();
    try {
      ByteBuffer encoded =
          StandardCharsets.UTF_8
              .newEncoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .encode(CharBuffer.wrap(chars));
      byte[] bytes = new byte[encoded.remaining()];
      encoded.get(bytes);
      if (encoded.hasArray()) {
        Arrays.fill(encoded.array(), (byte) 0);
      }
      return bytes;
    } catch (CharacterCodingException e) {
      throw new Refusal(
          SignatureFailureKind.INVALID_PASSWORD, "the password is not valid Unicode text");
    } finally {
      Arrays.fill(chars, '\0');
    }
  }

  /**
   * Refuses a new password minisign could not read back: it stops at the first CR, LF or NUL and
   * after 1023 bytes, so such a key would never open in {@code minisign -S}.
   */
  static void requireTypeable(byte[] password) throws Refusal {
    for (byte b : password) {
      if (b == '\n' || b == '\r' || b == 0) {
        throw new Refusal(
            SignatureFailureKind.INVALID_PASSWORD,
            "the password contains a line break or NUL, which minisign cannot read back");
      }
    }
    if (password.length > MAX_PASSWORD_BYTES) {
      throw new Refusal(
          SignatureFailureKind.INVALID_PASSWORD,
          "the password has "
              + password.length
              + " UTF-8 bytes; minisign reads at most "
              + MAX_PASSWORD_BYTES);
    }
  }
}

package dev.capsem.core.ports;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the password of an encrypted secret key comes from: a file, an environment variable,
 * Maven's settings, a console. Never a command-line argument (it would show in process lists). Read
 * lazily, only when the key turns out to be encrypted.
 */
@FunctionalInterface
public interface PasswordSource {

  /**
   * Reads the password. The caller owns the returned array and wipes it after use.
   *
   * @return the password, or empty when this source has none
   * @throws IOException when the source exists but cannot be read
   */
  Optional<char[]> read() throws IOException;

  /** No password: only unencrypted keys can be opened. */
  static PasswordSource none() {
    return Optional::empty;
  }

  /** A password the caller already holds; copied, so the caller may wipe its array. */
  static PasswordSource of(char[] password) {
    char[] copy = password.clone();
    return () -> Optional.of(copy.clone());
  }

  /**
   * The first line of a UTF-8 file, without its {@code \n} or {@code \r\n} terminator (the {@code
   * --password-file} convention). An empty file gives an empty password.
   */
  static PasswordSource firstLineOfFile(Path file) {
    Objects.requireNonNull(file, "file");
    return () -> {
      byte[] bytes = Files.readAllBytes(file);
      CharsetDecoder utf8 =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
      CharBuffer chars;
      try {
        chars = utf8.decode(ByteBuffer.wrap(bytes));
      } catch (CharacterCodingException e) {
        throw new IOException("password file " + file + " is not UTF-8", e);
      } finally {
        Arrays.fill(bytes, (byte) 0);
      }
      int end = 0;
      while (end < chars.limit() && chars.get(end) != '\n') {
        end++;
      }
      if (end > 0 && chars.get(end - 1) == '\r') {
        end--;
      }
      char[] password = new char[end];
      chars.get(password, 0, end);
      if (chars.hasArray()) {
        Arrays.fill(chars.array(), '\0');
      }
      return Optional.of(password);
    };
  }

  /**
   * The value of an environment variable, taken from the map the caller passes (core reads no
   * ambient environment). Empty when the variable is not set.
   */
  static PasswordSource environmentVariable(Map<String, String> environment, String name) {
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(name, "name");
    return () -> Optional.ofNullable(environment.get(name)).map(String::toCharArray);
  }
}

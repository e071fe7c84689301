package dev.capsem.core.testing;

import dev.capsem.core.ports.Hasher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A stand-in {@link Hasher} for tests of logic that only needs 64 stable hex characters: SHA-256.
 * Conformance tests that compare BLAKE3 values run where the real hasher is (capsem-signing).
 */
public final class Sha256Hasher implements Hasher {

  @Override
  public HashStream start() {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    return new HashStream() {
      @Override
      public void update(byte[] data, int offset, int length) {
        digest.update(data, offset, length);
      }

      @Override
      public String finishHex() {
        return HexFormat.of().formatHex(digest.digest());
      }
    };
  }

  @Override
  public String hexOfFile(Path file) throws IOException {
    return hex(Files.readAllBytes(file));
  }
}

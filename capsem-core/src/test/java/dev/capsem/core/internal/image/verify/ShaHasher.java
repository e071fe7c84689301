package dev.capsem.core.internal.image.verify;

import dev.capsem.core.ports.Hasher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Consumer;

/**
 * A stand-in for BLAKE3 in domain tests: SHA-256 also gives 64 hex characters, and the checks under
 * test do not care which function made them. The real BLAKE3 runs in the CLI and it tests.
 */
final class ShaHasher implements Hasher {

  private final Consumer<Path> onFile;

  ShaHasher() {
    this(file -> {});
  }

  /** {@code onFile} runs on the hashing thread before each file is read. */
  ShaHasher(Consumer<Path> onFile) {
    this.onFile = onFile;
  }

  static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public HashStream start() {
    java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
    return new HashStream() {
      @Override
      public void update(byte[] data, int offset, int length) {
        buffer.write(data, offset, length);
      }

      @Override
      public String finishHex() {
        return sha256(buffer.toByteArray());
      }
    };
  }

  @Override
  public String hexOfFile(Path file) throws IOException {
    onFile.accept(file);
    try {
      return sha256(Files.readAllBytes(file));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}

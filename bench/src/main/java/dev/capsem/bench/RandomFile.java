package dev.capsem.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** A temporary file of pseudo-random bytes, for hashing benchmarks run without a given file. */
final class RandomFile {

  private RandomFile() {}

  static Path create(long size) throws IOException {
    Path path = Files.createTempFile("capsem-bench", ".bin");
    SplittableRandom random = new SplittableRandom(42);
    byte[] block = new byte[1 << 20];
    try (OutputStream out = Files.newOutputStream(path)) {
      for (long written = 0; written < size; written += block.length) {
        for (int i = 0; i < block.length; i += 8) {
          long bits = random.nextLong();
          for (int b = 0; b < 8; b++) {
            block[i + b] = (byte) (bits >>> (8 * b));
          }
        }
        out.write(block, 0, (int) Math.min(block.length, size - written));
      }
    }
    return path;
  }
}

package dev.capsem.core.ports;

import java.io.IOException;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Squashfs's gzip compressor on the JDK: zlib streams with a 15-bit window, as mksquashfs writes
 * them. Each call uses its own {@code Deflater}/{@code Inflater}, so one codec serves many threads.
 */
final class GzipSquashfsCodec implements SquashfsCodec {

  private static final int DEFAULT_LEVEL = 9;

  private final int level;

  GzipSquashfsCodec(int level) {
    if (level < 1 || level > 9) {
      throw new IllegalArgumentException("gzip level must be 1 to 9: " + level);
    }
    this.level = level;
  }

  @Override
  public int id() {
    return GZIP;
  }

  @Override
  public int decompress(
      byte[] source, int offset, int length, byte[] target, int targetOffset, int capacity)
      throws IOException {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(source, offset, length);
      int written = 0;
      while (!inflater.finished()) {
        if (written == capacity) {
          // Room is used up: one more byte of output means the block is larger than allowed.
          byte[] probe = new byte[1];
          if (inflater.inflate(probe) > 0) {
            throw new IOException("gzip block expands beyond " + capacity + " bytes");
          }
          if (inflater.finished()) {
            break;
          }
          if (inflater.needsInput() || inflater.needsDictionary()) {
            throw new IOException("gzip block is truncated");
          }
          continue;
        }
        int n = inflater.inflate(target, targetOffset + written, capacity - written);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new IOException("gzip block is truncated");
        }
        written += n;
      }
      return written;
    } catch (DataFormatException e) {
      throw new IOException("gzip block is damaged: " + e.getMessage(), e);
    } finally {
      inflater.end();
    }
  }

  @Override
  public int compress(
      byte[] source, int offset, int length, byte[] target, int targetOffset, int capacity) {
    Deflater deflater = new Deflater(level);
    try {
      deflater.setInput(source, offset, length);
      deflater.finish();
      int room = Math.min(capacity, Math.max(0, length - 1));
      int written = 0;
      while (!deflater.finished() && written < room) {
        written += deflater.deflate(target, targetOffset + written, room - written);
      }
      return deflater.finished() && written < length ? written : -1;
    } finally {
      deflater.end();
    }
  }

  @Override
  public Optional<SquashfsCodec> atLevel(int other) {
    return other >= 1 && other <= 9 ? Optional.of(new GzipSquashfsCodec(other)) : Optional.empty();
  }

  @Override
  public byte[] options() {
    if (level == DEFAULT_LEVEL) {
      return new byte[0];
    }
    // struct gzip_comp_opts: int compression level, short window size, short strategies (LE).
    return new byte[] {(byte) level, 0, 0, 0, 15, 0, 0, 0};
  }
}

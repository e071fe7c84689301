package dev.capsem.core.testing;

import dev.capsem.core.ports.SquashfsCodec;
import java.io.IOException;
import java.util.Optional;

/**
 * A fake squashfs codec for unit tests: a marker byte, the decoded length (4 bytes, little-endian),
 * then run-length pairs ({@code count-1, byte}), reported under any compression id. Zero blocks and
 * text shrink, random bytes do not, and a tiny input can claim a huge output, which is what
 * hostile-image tests need.
 */
public final class RunLengthCodec implements SquashfsCodec {

  private static final byte MARKER = (byte) 0xA5;

  private final int id;

  public RunLengthCodec(int id) {
    this.id = id;
  }

  /** One "level" for levels 1 to 22: the fake has no levels, only the range a writer asks for. */
  @Override
  public Optional<SquashfsCodec> atLevel(int level) {
    return level >= 1 && level <= 22 ? Optional.of(this) : Optional.empty();
  }

  @Override
  public int id() {
    return id;
  }

  @Override
  public int decompress(
      byte[] source, int offset, int length, byte[] target, int targetOffset, int capacity)
      throws IOException {
    if (length < 5 || source[offset] != MARKER || (length - 5) % 2 != 0) {
      throw new IOException("not a run-length block");
    }
    long declared =
        (source[offset + 1] & 0xffL)
            | (source[offset + 2] & 0xffL) << 8
            | (source[offset + 3] & 0xffL) << 16
            | (source[offset + 4] & 0xffL) << 24;
    if (declared > capacity) {
      throw new IOException("run-length block expands beyond " + capacity + " bytes");
    }
    int written = 0;
    for (int i = offset + 5; i < offset + length; i += 2) {
      int run = (source[i] & 0xff) + 1;
      if (written + run > capacity) {
        throw new IOException("run-length block expands beyond " + capacity + " bytes");
      }
      java.util.Arrays.fill(
          target, targetOffset + written, targetOffset + written + run, source[i + 1]);
      written += run;
    }
    if (written != declared) {
      throw new IOException("run-length block is truncated");
    }
    return written;
  }

  @Override
  public int compress(
      byte[] source, int offset, int length, byte[] target, int targetOffset, int capacity) {
    int room = Math.min(capacity, length - 1);
    if (room < 5) {
      return -1;
    }
    int out = 0;
    target[targetOffset + out++] = MARKER;
    for (int shift = 0; shift < 32; shift += 8) {
      target[targetOffset + out++] = (byte) (length >>> shift);
    }
    int i = offset;
    while (i < offset + length) {
      int run = 1;
      while (run < 256 && i + run < offset + length && source[i + run] == source[i]) {
        run++;
      }
      if (out + 2 > room) {
        return -1;
      }
      target[targetOffset + out++] = (byte) (run - 1);
      target[targetOffset + out++] = source[i];
      i += run;
    }
    return out;
  }
}

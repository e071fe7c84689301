package dev.capsem.core.testing;

import dev.capsem.core.ports.Hasher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;

/**
 * A slow, plain BLAKE3 straight from the specification, so that core tests can hash without the
 * signing adapter (which depends on core). Checked against the spec's known answers in {@code
 * ReferenceBlake3Test}; the fast adapter is tested against {@code b3sum} in its own module.
 */
public final class ReferenceBlake3 implements Hasher {

  private static final int[] IV = {
    0x6A09E667, 0xBB67AE85, 0x3C6EF372, 0xA54FF53A, 0x510E527F, 0x9B05688C, 0x1F83D9AB, 0x5BE0CD19
  };
  private static final int[] PERMUTATION = {2, 6, 3, 10, 7, 0, 4, 13, 1, 11, 12, 5, 9, 14, 15, 8};
  private static final int CHUNK_START = 1;
  private static final int CHUNK_END = 2;
  private static final int PARENT = 4;
  private static final int ROOT = 8;

  @Override
  public HashStream start() {
    return new Stream();
  }

  @Override
  public String hexOfFile(Path file) throws IOException {
    return hex(Files.readAllBytes(file));
  }

  private static void g(int[] s, int a, int b, int c, int d, int x, int y) {
    s[a] = s[a] + s[b] + x;
    s[d] = Integer.rotateRight(s[d] ^ s[a], 16);
    s[c] = s[c] + s[d];
    s[b] = Integer.rotateRight(s[b] ^ s[c], 12);
    s[a] = s[a] + s[b] + y;
    s[d] = Integer.rotateRight(s[d] ^ s[a], 8);
    s[c] = s[c] + s[d];
    s[b] = Integer.rotateRight(s[b] ^ s[c], 7);
  }

  private static int[] compress(int[] cv, int[] block, long counter, int length, int flags) {
    int[] s = {
      cv[0],
      cv[1],
      cv[2],
      cv[3],
      cv[4],
      cv[5],
      cv[6],
      cv[7],
      IV[0],
      IV[1],
      IV[2],
      IV[3],
      (int) counter,
      (int) (counter >>> 32),
      length,
      flags
    };
    int[] m = block.clone();
    for (int round = 0; round < 7; round++) {
      g(s, 0, 4, 8, 12, m[0], m[1]);
      g(s, 1, 5, 9, 13, m[2], m[3]);
      g(s, 2, 6, 10, 14, m[4], m[5]);
      g(s, 3, 7, 11, 15, m[6], m[7]);
      g(s, 0, 5, 10, 15, m[8], m[9]);
      g(s, 1, 6, 11, 12, m[10], m[11]);
      g(s, 2, 7, 8, 13, m[12], m[13]);
      g(s, 3, 4, 9, 14, m[14], m[15]);
      int[] permuted = new int[16];
      for (int i = 0; i < 16; i++) {
        permuted[i] = m[PERMUTATION[i]];
      }
      m = permuted;
    }
    for (int i = 0; i < 8; i++) {
      s[i] ^= s[i + 8];
      s[i + 8] ^= cv[i];
    }
    return s;
  }

  private static int[] words(byte[] block) {
    int[] w = new int[16];
    for (int i = 0; i < 16; i++) {
      w[i] =
          (block[4 * i] & 0xFF)
              | (block[4 * i + 1] & 0xFF) << 8
              | (block[4 * i + 2] & 0xFF) << 16
              | (block[4 * i + 3] & 0xFF) << 24;
    }
    return w;
  }

  private static int[] first8(int[] s) {
    int[] out = new int[8];
    System.arraycopy(s, 0, out, 0, 8);
    return out;
  }

  /** Buffers whole chunks; the last chunk is finished as root or as a leaf of the tree. */
  private static final class Stream implements HashStream {
    private final Deque<int[]> stack = new ArrayDeque<>();
    private final byte[] chunk = new byte[1024];
    private int chunkLength;
    private long chunkCounter;

    @Override
    public void update(byte[] data, int offset, int length) {
      for (int i = 0; i < length; i++) {
        if (chunkLength == 1024) {
          int[] cv = chunkOutput(false).cv();
          pushChunk(cv);
        }
        chunk[chunkLength++] = data[offset + i];
      }
    }

    private void pushChunk(int[] cv) {
      long total = ++chunkCounter;
      int[] merged = cv;
      while ((total & 1) == 0) {
        merged = first8(compress(IV, concat(stack.pop(), merged), 0, 64, PARENT));
        total >>= 1;
      }
      stack.push(merged);
      chunkLength = 0;
    }

    private record Output(int[] inputCv, int[] block, long counter, int length, int flags) {
      int[] cv() {
        return first8(compress(inputCv, block, counter, length, flags));
      }
    }

    private Output chunkOutput(boolean unused) {
      int[] cv = IV;
      int blocks = Math.max(1, (chunkLength + 63) / 64);
      for (int b = 0; b < blocks; b++) {
        byte[] block = new byte[64];
        int len = Math.min(64, chunkLength - 64 * b);
        System.arraycopy(chunk, 64 * b, block, 0, Math.max(0, len));
        int flags = (b == 0 ? CHUNK_START : 0) | (b == blocks - 1 ? CHUNK_END : 0);
        if (b == blocks - 1) {
          return new Output(cv, words(block), chunkCounter, Math.max(0, len), flags);
        }
        cv = first8(compress(cv, words(block), chunkCounter, 64, flags));
      }
      throw new AssertionError("unreachable");
    }

    private static int[] concat(int[] left, int[] right) {
      int[] block = new int[16];
      System.arraycopy(left, 0, block, 0, 8);
      System.arraycopy(right, 0, block, 8, 8);
      return block;
    }

    @Override
    public String finishHex() {
      Output output = chunkOutput(false);
      while (!stack.isEmpty()) {
        output = new Output(IV, concat(stack.pop(), output.cv()), 0, 64, PARENT);
      }
      int[] s =
          compress(
              output.inputCv(),
              output.block(),
              output.counter(),
              output.length(),
              output.flags() | ROOT);
      byte[] out = new byte[32];
      for (int i = 0; i < 8; i++) {
        out[4 * i] = (byte) s[i];
        out[4 * i + 1] = (byte) (s[i] >>> 8);
        out[4 * i + 2] = (byte) (s[i] >>> 16);
        out[4 * i + 3] = (byte) (s[i] >>> 24);
      }
      return HexFormat.of().formatHex(out);
    }
  }
}

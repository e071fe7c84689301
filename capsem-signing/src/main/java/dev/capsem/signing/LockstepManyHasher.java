package dev.capsem.signing;

import static dev.capsem.signing.Blake3Compression.BLOCKS_PER_CHUNK;
import static dev.capsem.signing.Blake3Compression.BLOCK_LEN;
import static dev.capsem.signing.Blake3Compression.CHUNK_END;
import static dev.capsem.signing.Blake3Compression.CHUNK_LEN;
import static dev.capsem.signing.Blake3Compression.CHUNK_START;
import static dev.capsem.signing.Blake3Compression.CV_WORDS;
import static dev.capsem.signing.Blake3Compression.PARENT;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Hashes {@link #LANES} nodes in lockstep in plain Java: each state word and each message word is
 * an array with one element per node, and every step of the compression function is a loop over the
 * nodes. C2's auto-vectorizer turns those loops into SIMD instructions (AVX2, AVX-512, NEON) on any
 * JDK, without the incubating Vector API, and they are small enough to be compiled within
 * milliseconds of start-up.
 *
 * <p>Each G function is its own loop: that measured fastest, ahead of a loop per half round or per
 * round, whose bodies are too large to vectorize well (and take C2 seconds to compile).
 */
final class LockstepManyHasher implements ManyHasher {

  /**
   * Nodes per pass. C2 sizes its vectors by a loop's trip count: on JDK 17 and 25 (checked with
   * -XX:+PrintAssembly on AVX-512) a 64-iteration G loop gets 4-int vectors, a 128-iteration one
   * 8-int vectors, and from 256 iterations on the full 16-int (512-bit) width. 256 lanes measured
   * about 30% faster than 64 in steady state; 512 no faster. The 40 working arrays then take 40 KiB
   * per pass, a little over a typical L1 data cache, which costs less than the narrow vectors did.
   */
  static final int LANES = 256;

  private static final VarHandle LE_INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  /** Message word order of each round: the message permutation applied 0 to 6 times. */
  private final int[] schedule = {
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
    2, 6, 3, 10, 7, 0, 4, 13, 1, 11, 12, 5, 9, 14, 15, 8,
    3, 4, 10, 12, 13, 2, 7, 14, 6, 5, 9, 0, 11, 15, 8, 1,
    10, 7, 12, 9, 14, 3, 13, 15, 4, 0, 11, 2, 5, 8, 1, 6,
    12, 13, 9, 11, 15, 10, 14, 8, 7, 2, 5, 3, 0, 1, 6, 4,
    9, 14, 11, 5, 8, 12, 15, 1, 13, 3, 0, 10, 2, 6, 4, 7,
    11, 15, 5, 0, 1, 9, 8, 6, 14, 10, 2, 12, 3, 4, 7, 13
  };

  // The state words each G step of a round works on: four columns, then four diagonals.
  private final int[] a = {0, 1, 2, 3, 0, 1, 2, 3};
  private final int[] b = {4, 5, 6, 7, 5, 6, 7, 4};
  private final int[] c = {8, 9, 10, 11, 10, 11, 8, 9};
  private final int[] d = {12, 13, 14, 15, 15, 12, 13, 14};

  private final int[] iv = new int[CV_WORDS];
  private final ScalarManyHasher scalar = new ScalarManyHasher();

  LockstepManyHasher() {
    Blake3Compression.putIv(iv, 0);
  }

  @Override
  public int degree() {
    return LANES;
  }

  @Override
  public void hashChunks(byte[] data, int offset, int count, long counter, int[] cvs, int cvOff) {
    Lanes lanes = new Lanes();
    int c = 0;
    for (; c + LANES <= count; c += LANES) {
      lanes.startWithIv(iv);
      int first = offset + c * CHUNK_LEN;
      for (int b = 0; b < BLOCKS_PER_CHUNK; b++) {
        lanes.loadBlocks(data, first + b * BLOCK_LEN);
        int flags = (b == 0 ? CHUNK_START : 0) | (b == BLOCKS_PER_CHUNK - 1 ? CHUNK_END : 0);
        compress(lanes, counter + c, 1, flags);
      }
      lanes.storeCvs(cvs, cvOff + c * CV_WORDS);
    }
    if (c < count) {
      scalar.hashChunks(
          data, offset + c * CHUNK_LEN, count - c, counter + c, cvs, cvOff + c * CV_WORDS);
    }
  }

  @Override
  public void hashParents(int[] in, int inOff, int count, int[] out, int outOff) {
    Lanes lanes = new Lanes();
    int p = 0;
    for (; p + LANES <= count; p += LANES) {
      lanes.startWithIv(iv);
      lanes.loadCvPairs(in, inOff + p * 2 * CV_WORDS);
      compress(lanes, 0, 0, PARENT);
      lanes.storeCvs(out, outOff + p * CV_WORDS);
    }
    if (p < count) {
      scalar.hashParents(in, inOff + p * 2 * CV_WORDS, count - p, out, outOff + p * CV_WORDS);
    }
  }

  /**
   * One full-block compression of every lane; node {@code l} has counter {@code counter + l *
   * counterStep}.
   */
  private void compress(Lanes lanes, long counter, int counterStep, int flags) {
    lanes.startState(iv, counter, counterStep, flags);
    int[][] v = lanes.state;
    int[][] m = lanes.message;
    // One call site for all 56 G steps, rather than 56 written out: C2 would inline each of them
    // and spend most of a second compiling the result, longer than the hashing of a large file.
    // The lane loops live in small methods of their own (here g; the set-up in Lanes), so that
    // this method has no long loop of its own: C2 then compiles it once as a whole, instead of
    // first compiling it on-stack-replacement at each hot loop.
    for (int step = 0; step < 7 * 8; step++) {
      int i = step & 7;
      int word = 2 * step;
      g(v[a[i]], v[b[i]], v[c[i]], v[d[i]], m[schedule[word]], m[schedule[word + 1]]);
    }
    lanes.finishCvs();
  }

  /** The G function of every lane; distinct arrays indexed alike, so C2 can vectorize the loop. */
  private static void g(int[] a, int[] b, int[] c, int[] d, int[] mx, int[] my) {
    for (int l = 0; l < LANES; l++) {
      int va = a[l];
      int vb = b[l];
      int vc = c[l];
      int vd = d[l];
      va += vb + mx[l];
      vd = Integer.rotateRight(vd ^ va, 16);
      vc += vd;
      vb = Integer.rotateRight(vb ^ vc, 12);
      va += vb + my[l];
      vd = Integer.rotateRight(vd ^ va, 8);
      vc += vd;
      vb = Integer.rotateRight(vb ^ vc, 7);
      a[l] = va;
      b[l] = vb;
      c[l] = vc;
      d[l] = vd;
    }
  }

  /**
   * The working arrays of one pass, word-major: {@code state[w][l]} is word w of node l. Between
   * compressions the first eight state words hold the nodes' chaining values, so a compression
   * starts without copying them.
   */
  private static final class Lanes {
    final int[][] state = new int[16][LANES];
    final int[][] message = new int[16][LANES];

    void startWithIv(int[] iv) {
      for (int w = 0; w < CV_WORDS; w++) {
        Arrays.fill(state[w], iv[w]);
      }
    }

    /**
     * The second half of the state before a compression (the first holds the chaining values): four
     * IV words, and per lane the counter {@code counter + l * counterStep}, a full block's length
     * and the flags.
     */
    void startState(int[] iv, long counter, int counterStep, int flags) {
      for (int w = 0; w < 4; w++) {
        Arrays.fill(state[8 + w], iv[w]);
      }
      int[] low = state[12];
      int[] high = state[13];
      for (int l = 0; l < LANES; l++) {
        long nodeCounter = counter + (long) l * counterStep;
        low[l] = (int) nodeCounter;
        high[l] = (int) (nodeCounter >>> 32);
      }
      Arrays.fill(state[14], BLOCK_LEN);
      Arrays.fill(state[15], flags);
    }

    /** The new chaining values, in place: the first half of the state xor the second. */
    void finishCvs() {
      for (int w = 0; w < CV_WORDS; w++) {
        xorInto(state[w], state[w + 8]);
      }
    }

    private static void xorInto(int[] a, int[] b) {
      for (int l = 0; l < LANES; l++) {
        a[l] ^= b[l];
      }
    }

    /**
     * Block {@code first + l * CHUNK_LEN} of each lane's chunk, four message words at a time: a
     * loop storing into sixteen arrays keeps more array addresses live than there are registers,
     * while four loops over four words each run about 2% faster overall (measured on JDK 17); the
     * lanes' 64-byte blocks stay in the L1 cache between them.
     */
    void loadBlocks(byte[] data, int first) {
      int[][] m = message;
      loadWords(data, first, m[0], m[1], m[2], m[3]);
      loadWords(data, first + 16, m[4], m[5], m[6], m[7]);
      loadWords(data, first + 32, m[8], m[9], m[10], m[11]);
      loadWords(data, first + 48, m[12], m[13], m[14], m[15]);
    }

    /** Four consecutive little-endian words from {@code first + l * CHUNK_LEN} of each lane. */
    private static void loadWords(byte[] data, int first, int[] m0, int[] m1, int[] m2, int[] m3) {
      for (int l = 0; l < LANES; l++) {
        int at = first + l * CHUNK_LEN;
        m0[l] = (int) LE_INT.get(data, at);
        m1[l] = (int) LE_INT.get(data, at + 4);
        m2[l] = (int) LE_INT.get(data, at + 8);
        m3[l] = (int) LE_INT.get(data, at + 12);
      }
    }

    /** The children of lane {@code l}'s parent: 16 words at {@code in[first + 16 * l]}. */
    void loadCvPairs(int[] in, int first) {
      for (int l = 0; l < LANES; l++) {
        for (int w = 0; w < 16; w++) {
          message[w][l] = in[first + 16 * l + w];
        }
      }
    }

    void storeCvs(int[] cvs, int cvOff) {
      for (int l = 0; l < LANES; l++) {
        for (int w = 0; w < CV_WORDS; w++) {
          cvs[cvOff + l * CV_WORDS + w] = state[w][l];
        }
      }
    }
  }
}

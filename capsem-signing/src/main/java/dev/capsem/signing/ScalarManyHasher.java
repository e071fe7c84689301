package dev.capsem.signing;

import static dev.capsem.signing.Blake3Compression.BLOCKS_PER_CHUNK;
import static dev.capsem.signing.Blake3Compression.BLOCK_LEN;
import static dev.capsem.signing.Blake3Compression.CHUNK_END;
import static dev.capsem.signing.Blake3Compression.CHUNK_LEN;
import static dev.capsem.signing.Blake3Compression.CHUNK_START;
import static dev.capsem.signing.Blake3Compression.CV_WORDS;
import static dev.capsem.signing.Blake3Compression.PARENT;

/** One node at a time with the portable compression function; works on every JVM. */
final class ScalarManyHasher implements ManyHasher {

  /** The key of every parent is the IV; an array so {@code compress} reads it like any CV. */
  private final int[] iv = new int[CV_WORDS];

  ScalarManyHasher() {
    Blake3Compression.putIv(iv, 0);
  }

  @Override
  public int degree() {
    return 1;
  }

  @Override
  public void hashChunks(byte[] data, int offset, int count, long counter, int[] cvs, int cvOff) {
    int[] words = new int[16];
    for (int c = 0; c < count; c++) {
      int out = cvOff + c * CV_WORDS;
      int chunk = offset + c * CHUNK_LEN;
      Blake3Compression.putIv(cvs, out);
      for (int b = 0; b < BLOCKS_PER_CHUNK; b++) {
        Blake3Compression.loadBlock(data, chunk + b * BLOCK_LEN, words);
        int flags = (b == 0 ? CHUNK_START : 0) | (b == BLOCKS_PER_CHUNK - 1 ? CHUNK_END : 0);
        Blake3Compression.compress(cvs, out, words, 0, counter + c, BLOCK_LEN, flags, cvs, out);
      }
    }
  }

  @Override
  public void hashParents(int[] in, int inOff, int count, int[] out, int outOff) {
    for (int p = 0; p < count; p++) {
      Blake3Compression.compress(
          iv, 0, in, inOff + 2 * CV_WORDS * p, 0, BLOCK_LEN, PARENT, out, outOff + CV_WORDS * p);
    }
  }
}

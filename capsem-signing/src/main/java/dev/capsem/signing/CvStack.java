package dev.capsem.signing;

import static dev.capsem.signing.Blake3Compression.BLOCK_LEN;
import static dev.capsem.signing.Blake3Compression.CV_WORDS;
import static dev.capsem.signing.Blake3Compression.PARENT;
import static dev.capsem.signing.Blake3Compression.ROOT;

/**
 * The chaining values of the complete left subtrees seen so far, merged the way the BLAKE3
 * reference hasher merges chunk chaining values. It works at any level: the units pushed may be
 * chunks, or equal power-of-two runs of chunks (complete subtrees), as long as all but the last
 * unit have the same size.
 *
 * <p>Merging a pair as soon as a push makes the unit count even is only right when more input
 * follows, so the last unit is never pushed: it is handed to {@link #fold}.
 */
final class CvStack {

  /** 2^64 bytes are 2^54 chunks, so no stack is ever deeper than 54 entries. */
  private static final int MAX_DEPTH = 54;

  /** One extra slot: a pushed value lands on top of the stack and merges from there. */
  private final int[] stack = new int[(MAX_DEPTH + 1) * CV_WORDS];

  private final int[] key = new int[CV_WORDS];
  private final int[] message = new int[2 * CV_WORDS];
  private int depth;
  private long units;

  CvStack() {
    Blake3Compression.putIv(key, 0);
  }

  /** Forgets every pushed value, to start a new tree. */
  void clear() {
    depth = 0;
    units = 0;
  }

  boolean isEmpty() {
    return depth == 0;
  }

  /** Adds the chaining value of the next unit, which must not be the last unit of the tree. */
  void push(int[] cv, int off) {
    System.arraycopy(cv, off, stack, depth * CV_WORDS, CV_WORDS);
    // Each trailing zero bit of the new unit count closes one complete subtree.
    for (long total = ++units; (total & 1) == 0; total >>>= 1) {
      depth--;
      int left = depth * CV_WORDS;
      Blake3Compression.compress(key, 0, stack, left, 0, BLOCK_LEN, PARENT, stack, left);
    }
    depth++;
  }

  /**
   * Merges the last unit's chaining value with every stacked left subtree, from the top down, and
   * writes the subtree's chaining value, or with {@code root} the digest words. Leaves the stack
   * unchanged. A root needs at least one stacked value: a lone chunk is finished by its chunk state
   * with the ROOT flag instead.
   */
  void fold(int[] last, int lastOff, boolean root, int[] out, int outOff) {
    if (root && depth == 0) {
      throw new IllegalStateException("a root without parents is a chunk; finish it as one");
    }
    System.arraycopy(last, lastOff, message, CV_WORDS, CV_WORDS);
    for (int d = depth - 1; d >= 0; d--) {
      System.arraycopy(stack, d * CV_WORDS, message, 0, CV_WORDS);
      int flags = root && d == 0 ? PARENT | ROOT : PARENT;
      Blake3Compression.compress(key, 0, message, 0, 0, BLOCK_LEN, flags, message, CV_WORDS);
    }
    System.arraycopy(message, CV_WORDS, out, outOff, CV_WORDS);
  }
}

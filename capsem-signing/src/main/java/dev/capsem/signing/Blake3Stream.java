package dev.capsem.signing;

import static dev.capsem.signing.Blake3Compression.BLOCK_LEN;
import static dev.capsem.signing.Blake3Compression.CHUNK_END;
import static dev.capsem.signing.Blake3Compression.CHUNK_LEN;
import static dev.capsem.signing.Blake3Compression.CHUNK_START;
import static dev.capsem.signing.Blake3Compression.CV_WORDS;
import static dev.capsem.signing.Blake3Compression.ROOT;

import dev.capsem.core.ports.Hasher;
import java.util.Arrays;
import java.util.Objects;

/**
 * Incremental BLAKE3: the state of the current chunk plus a {@link CvStack} of finished subtrees.
 * Whole chunks that are known not to be the last are hashed straight from the caller's array in
 * batches; the rest goes through a one-block buffer.
 *
 * <p>A stream may also start at a later chunk, to hash a subtree that is not the root (see {@link
 * #finishSubtree}).
 */
final class Blake3Stream implements Hasher.HashStream {

  private final ManyHasher many;
  private final CvStack stack = new CvStack();
  private final int[] chunkCv = new int[CV_WORDS];
  private final int batchChunks;
  private final int[] batchCvs;
  private final int[] words = new int[16];
  private final int[] out = new int[CV_WORDS];
  private final byte[] block = new byte[BLOCK_LEN];
  private int blockLen;
  private int blocksCompressed;
  private long chunkCounter;

  Blake3Stream(ManyHasher many) {
    this(many, 0);
  }

  Blake3Stream(ManyHasher many, long firstChunk) {
    this.many = many;
    // Whole passes of the SIMD hasher, yet small: a stream may hash a few bytes only.
    this.batchChunks = Math.max(16, many.degree());
    this.batchCvs = new int[batchChunks * CV_WORDS];
    this.chunkCounter = firstChunk;
    Blake3Compression.putIv(chunkCv, 0);
  }

  @Override
  public void update(byte[] data, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, data.length);
    int off = offset;
    int len = length;
    while (len > 0) {
      if (chunkLen() == CHUNK_LEN) {
        // More input follows, so the full chunk is not the last one and can join the tree.
        finishChunk(0, out);
        stack.push(out, 0);
        startChunk(chunkCounter + 1);
      }
      if (chunkLen() == 0 && len > CHUNK_LEN) {
        // Leave at least one byte behind: the last chunk must stay in the chunk state.
        int chunks = Math.min((len - 1) / CHUNK_LEN, batchChunks);
        many.hashChunks(data, off, chunks, chunkCounter, batchCvs, 0);
        for (int c = 0; c < chunks; c++) {
          stack.push(batchCvs, c * CV_WORDS);
        }
        startChunk(chunkCounter + chunks);
        off += chunks * CHUNK_LEN;
        len -= chunks * CHUNK_LEN;
        continue;
      }
      if (blockLen == BLOCK_LEN) {
        // The chunk goes on, so this block is not its last.
        Blake3Compression.loadBlock(block, 0, words);
        Blake3Compression.compress(
            chunkCv, 0, words, 0, chunkCounter, BLOCK_LEN, startFlag(), chunkCv, 0);
        blocksCompressed++;
        blockLen = 0;
      }
      int take = Math.min(BLOCK_LEN - blockLen, len);
      System.arraycopy(data, off, block, blockLen, take);
      blockLen += take;
      off += take;
      len -= take;
    }
  }

  /** Returns the digest; the stream stays usable, so more input may follow. */
  @Override
  public String finishHex() {
    if (stack.isEmpty()) {
      finishChunk(ROOT, out);
    } else {
      finishChunk(0, out);
      stack.fold(out, 0, true, out, 0);
    }
    return Blake3Hex.of(out);
  }

  /**
   * Writes the chaining value of everything updated so far as a subtree that is not the root. Only
   * valid when the input is an aligned subtree of a larger tree, as a file piece is.
   */
  void finishSubtree(int[] cv, int cvOff) {
    finishChunk(0, out);
    stack.fold(out, 0, false, cv, cvOff);
  }

  private int chunkLen() {
    return blocksCompressed * BLOCK_LEN + blockLen;
  }

  private int startFlag() {
    return blocksCompressed == 0 ? CHUNK_START : 0;
  }

  private void startChunk(long counter) {
    chunkCounter = counter;
    Blake3Compression.putIv(chunkCv, 0);
    blocksCompressed = 0;
    blockLen = 0;
  }

  /** Compresses the buffered last block of the chunk into {@code dest} without changing state. */
  private void finishChunk(int extraFlags, int[] dest) {
    // The spec pads the last block with zeros; bytes past blockLen are stale, never input.
    Arrays.fill(block, blockLen, BLOCK_LEN, (byte) 0);
    Blake3Compression.loadBlock(block, 0, words);
    int flags = startFlag() | CHUNK_END | extraFlags;
    Blake3Compression.compress(chunkCv, 0, words, 0, chunkCounter, blockLen, flags, dest, 0);
  }
}

package dev.capsem.signing;

import static dev.capsem.signing.Blake3Compression.CHUNK_LEN;
import static dev.capsem.signing.Blake3Compression.CV_WORDS;

import java.io.IOException;

/**
 * Hashes one piece of a file: a run of bytes starting at a multiple of a power of two no smaller
 * than the piece, so the piece is a subtree of the file's BLAKE3 tree and never its root. Each
 * worker thread owns one; it is not thread-safe.
 *
 * <p>A piece is read in buffers of a power-of-two size. A full buffer is a complete subtree, hashed
 * level by level: all chunks in SIMD batches, then each level of parents in SIMD batches. Only a
 * short final buffer takes the generic {@link Blake3Stream} path.
 */
final class PieceHasher {

  private final ManyHasher many;
  private final ChannelReader reader;
  private final int[] levelCvs;
  private final CvStack stack = new CvStack();

  /** The reader's capacity must be a power of two, at least one chunk. */
  PieceHasher(ManyHasher many, ChannelReader reader) {
    this.many = many;
    this.reader = reader;
    this.levelCvs = new int[reader.capacity() / CHUNK_LEN * CV_WORDS];
  }

  /** Writes the chaining value of the bytes {@code [start, start + length)} into {@code cvs}. */
  void hash(long start, long length, int[] cvs, int cvOff) throws IOException {
    stack.clear();
    int capacity = reader.capacity();
    long end = start + length;
    for (long pos = start; pos < end; pos += capacity) {
      int n = (int) Math.min(capacity, end - pos);
      reader.readFully(pos, n);
      long firstChunk = pos / CHUNK_LEN;
      if (n == capacity) {
        hashCompleteSubtree(firstChunk);
      } else {
        Blake3Stream tail = new Blake3Stream(many, firstChunk);
        tail.update(reader.buffer(), 0, n);
        tail.finishSubtree(levelCvs, 0);
      }
      if (pos + n == end) {
        stack.fold(levelCvs, 0, false, cvs, cvOff);
      } else {
        stack.push(levelCvs, 0);
      }
    }
  }

  /** Leaves the chaining value of the full buffer in {@code levelCvs[0..8)}. */
  private void hashCompleteSubtree(long firstChunk) {
    int nodes = reader.capacity() / CHUNK_LEN;
    many.hashChunks(reader.buffer(), 0, nodes, firstChunk, levelCvs, 0);
    for (; nodes > 1; nodes /= 2) {
      many.hashParents(levelCvs, 0, nodes / 2, levelCvs, 0);
    }
  }
}

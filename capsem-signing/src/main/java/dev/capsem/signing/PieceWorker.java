package dev.capsem.signing;

import static dev.capsem.signing.Blake3Compression.CV_WORDS;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Takes pieces from a shared counter until none are left and stores each piece's chaining value at
 * the piece's index, so the merge order does not depend on thread timing. A failure stops every
 * worker and is kept for the calling thread to rethrow.
 */
final class PieceWorker implements Runnable {

  private final PieceHasher hasher;
  private final AtomicInteger next;
  private final long fileSize;
  private final long pieceSize;
  private final int pieces;
  private final int[] cvs;
  private Throwable failure;

  PieceWorker(
      PieceHasher hasher,
      AtomicInteger next,
      long fileSize,
      long pieceSize,
      int pieces,
      int[] cvs) {
    this.hasher = hasher;
    this.next = next;
    this.fileSize = fileSize;
    this.pieceSize = pieceSize;
    this.pieces = pieces;
    this.cvs = cvs;
  }

  @Override
  public void run() {
    try {
      for (int i = next.getAndIncrement(); i < pieces; i = next.getAndIncrement()) {
        long start = i * pieceSize;
        hasher.hash(start, Math.min(pieceSize, fileSize - start), cvs, i * CV_WORDS);
      }
    } catch (IOException | RuntimeException | Error e) {
      failure = e;
      next.set(pieces);
    }
  }

  /** Read only after the worker's thread has been joined. */
  Throwable failure() {
    return failure;
  }
}

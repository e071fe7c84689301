package dev.capsem.signing;

import static dev.capsem.signing.Blake3Compression.CV_WORDS;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hashes a file with several threads. The file is cut into pieces of one power-of-two size, so
 * every piece is a subtree of the BLAKE3 tree (the last one possibly shorter); threads take pieces
 * in turn, and the pieces' chaining values are merged in order at the end. Each byte is read once,
 * with positional reads on one shared channel.
 *
 * <p>Memory is bounded whatever the file size: each thread holds one read buffer, the JDK's cached
 * direct buffer of the same size (channel reads into heap arrays go through it) and the chunk
 * chaining values of one buffer (1/32 of its size); the piece chaining values take at most {@code
 * MAX_PIECES * 32} bytes. With the 1 MiB default buffer that is about {@code threads * 2.1 MiB +
 * 128 KiB}.
 */
final class ParallelFileHasher {

  /** Caps the piece table at 128 KiB; larger files get larger pieces instead. */
  static final int MAX_PIECES = 4096;

  private final ManyHasher many;
  private final int threads;
  private final int minPieceSize;
  private final int bufferSize;

  /**
   * @param threads how many threads hash pieces, the calling one included
   * @param minPieceSize a power of two, at least one chunk; files up to this size use one thread
   * @param bufferSize a power of two, at least one chunk: the size of each read
   */
  ParallelFileHasher(ManyHasher many, int threads, int minPieceSize, int bufferSize) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    requireChunkPowerOfTwo("minPieceSize", minPieceSize);
    requireChunkPowerOfTwo("bufferSize", bufferSize);
    this.many = many;
    this.threads = threads;
    this.minPieceSize = minPieceSize;
    this.bufferSize = bufferSize;
  }

  /**
   * A regular file larger than one piece is hashed in parallel at the size it has; anything else is
   * read to its end, whatever size it claims, as {@code b3sum} does: a pipe or FIFO (no size),
   * {@code /proc} files (size 0) and {@code /sys} files (size 4096, fewer bytes).
   */
  String hex(Path file) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    if (attributes.isDirectory()) {
      throw new IOException(file + ": Is a directory");
    }
    if (!attributes.isRegularFile() || attributes.size() <= minPieceSize) {
      return hexToTheEnd(file);
    }
    try {
      return hexAtItsSize(file);
    } catch (EOFException shorter) {
      // Fewer bytes than the size said (a /sys file, or a file cut while read): what is there.
      return hexToTheEnd(file);
    }
  }

  private String hexAtItsSize(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size <= minPieceSize) {
        return hexInOneThread(file, channel, size);
      }
      long pieceSize = pieceSize(size);
      int pieces = (int) ((size + pieceSize - 1) / pieceSize);
      int[] cvs = new int[pieces * CV_WORDS];
      hashPieces(file, channel, size, pieceSize, pieces, cvs);

      CvStack tree = new CvStack();
      for (int i = 0; i < pieces - 1; i++) {
        tree.push(cvs, i * CV_WORDS);
      }
      int[] digest = new int[CV_WORDS];
      tree.fold(cvs, (pieces - 1) * CV_WORDS, true, digest, 0);
      return Blake3Hex.of(digest);
    }
  }

  /** The smallest power of two, not below the minimum, that needs at most MAX_PIECES pieces. */
  long pieceSize(long fileSize) {
    long needed = (fileSize + MAX_PIECES - 1) / MAX_PIECES;
    long pow2 = needed <= 1 ? 1 : Long.highestOneBit(needed - 1) << 1;
    return Math.max(minPieceSize, pow2);
  }

  /** Reads {@code file} in order until it ends, in one thread. */
  private String hexToTheEnd(Path file) throws IOException {
    Blake3Stream stream = new Blake3Stream(many);
    byte[] buffer = new byte[bufferSize];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        stream.update(buffer, 0, n);
      }
    }
    return stream.finishHex();
  }

  private String hexInOneThread(Path file, FileChannel channel, long size) throws IOException {
    ChannelReader reader = new ChannelReader(file, channel, (int) Math.min(size, bufferSize));
    Blake3Stream stream = new Blake3Stream(many);
    for (long pos = 0; pos < size; pos += reader.capacity()) {
      int n = (int) Math.min(reader.capacity(), size - pos);
      reader.readFully(pos, n);
      stream.update(reader.buffer(), 0, n);
    }
    return stream.finishHex();
  }

  private void hashPieces(
      Path file, FileChannel channel, long size, long pieceSize, int pieces, int[] cvs)
      throws IOException {
    int buffer = (int) Math.min(bufferSize, pieceSize);
    AtomicInteger next = new AtomicInteger();
    PieceWorker[] workers = new PieceWorker[Math.min(threads, pieces)];
    for (int w = 0; w < workers.length; w++) {
      PieceHasher hasher = new PieceHasher(many, new ChannelReader(file, channel, buffer));
      workers[w] = new PieceWorker(hasher, next, size, pieceSize, pieces, cvs);
    }
    Thread[] helpers = new Thread[workers.length - 1];
    for (int h = 0; h < helpers.length; h++) {
      // A constant name: string concatenation would bootstrap invokedynamic, costing start-up time.
      helpers[h] = new Thread(workers[h + 1], "blake3-piece-worker");
      helpers[h].setDaemon(true);
      helpers[h].start();
    }
    // The calling thread works too: it would otherwise only wait.
    workers[0].run();
    try {
      for (Thread helper : helpers) {
        helper.join();
      }
    } catch (InterruptedException e) {
      next.set(pieces);
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while hashing " + file);
    }
    rethrowFirstFailure(workers);
  }

  private static void rethrowFirstFailure(PieceWorker[] workers) throws IOException {
    Throwable first = null;
    for (PieceWorker worker : workers) {
      Throwable failure = worker.failure();
      if (failure == null) {
        continue;
      }
      if (first == null) {
        first = failure;
      } else if (first != failure) {
        first.addSuppressed(failure);
      }
    }
    if (first instanceof IOException io) {
      throw io;
    } else if (first instanceof RuntimeException runtime) {
      throw runtime;
    } else if (first instanceof Error error) {
      throw error;
    }
  }

  private static void requireChunkPowerOfTwo(String name, int value) {
    if (value < Blake3Compression.CHUNK_LEN || Integer.bitCount(value) != 1) {
      throw new IllegalArgumentException(name + " must be a power of two >= 1024: " + value);
    }
  }
}

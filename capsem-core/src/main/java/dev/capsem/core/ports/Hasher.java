package dev.capsem.core.ports;

import java.io.IOException;
import java.nio.file.Path;

/**
 * BLAKE3 with the default 256-bit output, the only content hash of the Capsem formats. Digests are
 * 64 lower-case hex characters, without the {@code blake3:} prefix.
 */
public interface Hasher {

  /** Starts an incremental hash; the returned stream is not thread-safe. */
  HashStream start();

  /** Hashes a byte array. */
  default String hex(byte[] data) {
    HashStream stream = start();
    stream.update(data, 0, data.length);
    return stream.finishHex();
  }

  /**
   * Hashes a whole file. Implementations may read large files in parallel, but read each byte once
   * and hold no whole-file buffer.
   */
  String hexOfFile(Path file) throws IOException;

  /** An incremental BLAKE3 computation. */
  interface HashStream {

    void update(byte[] data, int offset, int length);

    /** Ends the computation and returns the 64-character lower-case hex digest. */
    String finishHex();
  }
}

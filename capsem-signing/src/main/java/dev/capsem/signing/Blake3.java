package dev.capsem.signing;

import dev.capsem.core.ports.Hasher;

/**
 * BLAKE3 (default 256-bit output), written from the BLAKE3 specification. Output matches {@code
 * b3sum}. Files are hashed on all available processors, 256 chunks at a time in loops that the JIT
 * compiles to SIMD code.
 *
 * <p>Memory: a stream holds under 16 KiB; hashing a file holds about 2.1 MiB per processor plus at
 * most 128 KiB (see {@link ParallelFileHasher}).
 */
public final class Blake3 {

  /** One read per call, and the smallest piece a file is split into for threads. */
  static final int DEFAULT_BUFFER_SIZE = 1 << 20;

  private Blake3() {}

  /**
   * A hasher using every available processor for files, and the lockstep engine, which is made on
   * the first hash.
   */
  public static Hasher hasher() {
    return new FirstUseHasher(
        () -> hasher(ManyHashers.fastest(), Runtime.getRuntime().availableProcessors()));
  }

  static Hasher hasher(ManyHasher many, int threads) {
    return new Blake3Hasher(
        many, new ParallelFileHasher(many, threads, DEFAULT_BUFFER_SIZE, DEFAULT_BUFFER_SIZE));
  }
}

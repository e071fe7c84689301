package dev.capsem.signing;

import dev.capsem.core.ports.SignatureFailureKind;

/**
 * scrypt cost parameters as libsodium's {@code crypto_pwhash_scryptsalsa208sha256} derives them
 * from the (opslimit, memlimit) pair minisign stores in encrypted secret keys.
 *
 * @param nLog2 log2 of the CPU/memory cost N
 * @param r block size
 * @param p parallelism
 */
record ScryptParameters(int nLog2, int r, int p) {

  /**
   * The most memory a key file may ask for: minisign's own default, N = 2^20 with r = 8 (1 GiB).
   * The limits come from an untrusted file; without a cap a crafted key would make us allocate or
   * compute without bound.
   */
  static final int MAX_N_LOG2 = 20;

  /** The most work (N times p) a key file may ask for: twice minisign's default. */
  static final long MAX_WORK = 1L << 21;

  /** libsodium's {@code pickparams}, with the limits read as unsigned 64-bit numbers. */
  static ScryptParameters fromLimits(long opsLimit, long memLimit) {
    long ops = Long.compareUnsigned(opsLimit, 32_768L) < 0 ? 32_768L : opsLimit;
    int r = 8;
    if (Long.compareUnsigned(ops, Long.divideUnsigned(memLimit, 32)) < 0) {
      long maxN = Long.divideUnsigned(ops, r * 4L);
      return new ScryptParameters(smallestLog2Above(maxN), r, 1);
    }
    long maxN = Long.divideUnsigned(memLimit, r * 128L);
    int nLog2 = smallestLog2Above(maxN);
    long maxRp = Long.divideUnsigned(Long.divideUnsigned(ops, 4), 1L << nLog2);
    if (Long.compareUnsigned(maxRp, 0x3fff_ffffL) > 0) {
      maxRp = 0x3fff_ffffL;
    }
    return new ScryptParameters(nLog2, r, (int) maxRp / r);
  }

  /** The smallest {@code n} in 1..62 with {@code 2^n > maxN / 2} (63 when none). */
  private static int smallestLog2Above(long maxN) {
    long half = maxN >>> 1;
    int n = 1;
    while (n < 63 && Long.compareUnsigned(1L << n, half) <= 0) {
      n++;
    }
    return n;
  }

  int n() {
    return 1 << nLog2;
  }

  /**
   * What scrypt holds while it runs: its table of N blocks of 128r bytes (1 GiB for minisign's
   * defaults), plus what the rest of the program needs beside it.
   */
  long memoryBytes() {
    return 128L * r * n() + HEADROOM_BYTES;
  }

  /**
   * The rest of the program and the table's per-block overhead: BouncyCastle's scrypt alone needs a
   * heap of about 1044 MiB for minisign's defaults (measured with the serial collector).
   */
  static final long HEADROOM_BYTES = 64L * 1024 * 1024;

  /**
   * Refuses (E571) before any work when scrypt cannot fit in {@code maxHeapBytes}, the most memory
   * this JVM may use: naming the memory needed and how to give it, rather than an {@code
   * OutOfMemoryError} with a stack trace half way.
   */
  ScryptParameters requireMemory(long maxHeapBytes) throws Refusal {
    if (maxHeapBytes < memoryBytes()) {
      throw notEnoughMemory(maxHeapBytes);
    }
    return this;
  }

  /** The E571 refusal for a JVM whose heap stops at {@code maxHeapBytes}. */
  Refusal notEnoughMemory(long maxHeapBytes) {
    long needMib = (memoryBytes() + (1L << 20) - 1) >> 20;
    // Rounded up to a quarter gigabyte, with a quarter to spare: -Xmx1536m for minisign's keys.
    long giveMib = ((needMib + 255) / 256) * 256 + 256;
    return new Refusal(
        SignatureFailureKind.INSUFFICIENT_MEMORY,
        "E571 not enough memory for the secret key's scrypt parameters (N=2^"
            + nLog2
            + ", r="
            + r
            + "): opening it needs about "
            + needMib
            + " MiB of Java heap, and this JVM may use at most "
            + (maxHeapBytes >> 20)
            + " MiB; give it more with CAPSEM_JAVA_OPTS=-Xmx"
            + giveMib
            + "m (bin/capsem-admin) or MAVEN_OPTS=-Xmx"
            + giveMib
            + "m (Maven)");
  }

  /** Refuses parameters above minisign's defaults (see {@link #MAX_N_LOG2}). */
  ScryptParameters requireAffordable() throws Refusal {
    if (nLog2 > MAX_N_LOG2 || r != 8 || p < 1 || ((long) p << nLog2) > MAX_WORK) {
      throw new Refusal(
          SignatureFailureKind.UNSUPPORTED_KDF,
          "Unsupported key derivation parameters: scrypt N=2^"
              + nLog2
              + ", r="
              + r
              + ", p="
              + p
              + " (at most N=2^"
              + MAX_N_LOG2
              + " with r=8, i.e. 1 GiB, and N*p=2^21)");
    }
    return this;
  }
}

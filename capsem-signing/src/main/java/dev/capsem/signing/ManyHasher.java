package dev.capsem.signing;

/**
 * Hashes many independent tree nodes at once, like {@code hash_many} in the BLAKE3 reference
 * implementations: whole chunks into chaining values, and pairs of chaining values into parents.
 * Nothing here is a root, so the results are always chaining values. The scalar implementation
 * takes one node at a time; the Vector API one takes {@link #degree()} nodes per SIMD pass.
 *
 * <p>Implementations are stateless and thread-safe.
 */
interface ManyHasher {

  /** How many nodes one pass hashes; callers hand over multiples of it to keep the lanes full. */
  int degree();

  /**
   * Hashes {@code count} whole 1024-byte chunks starting at {@code data[offset]}, the first with
   * chunk counter {@code counter}, into {@code 8 * count} words of {@code cvs} from {@code cvOff}.
   */
  void hashChunks(byte[] data, int offset, int count, long counter, int[] cvs, int cvOff);

  /**
   * Hashes {@code count} parents whose children are the adjacent chaining-value pairs at {@code
   * in[inOff..inOff + 16 * count)} into {@code out} from {@code outOff}. Inputs are read before the
   * same pass writes, so a level may be reduced in place ({@code out == in}, {@code outOff ==
   * inOff}).
   */
  void hashParents(int[] in, int inOff, int count, int[] out, int outOff);
}

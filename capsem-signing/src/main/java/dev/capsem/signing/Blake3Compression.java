package dev.capsem.signing;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The BLAKE3 compression function and its constants, written from the BLAKE3 specification.
 *
 * <p>Everything here is allocation-free: the state lives in {@code int} locals, the message and
 * chaining values in caller-owned arrays. Chaining values are 8 words at an offset of an {@code
 * int[]}, so a whole level of a tree fits in one array.
 */
final class Blake3Compression {

  static final int CHUNK_LEN = 1024;
  static final int BLOCK_LEN = 64;
  static final int BLOCKS_PER_CHUNK = CHUNK_LEN / BLOCK_LEN;

  /** Words in a chaining value. */
  static final int CV_WORDS = 8;

  static final int CHUNK_START = 1;
  static final int CHUNK_END = 2;
  static final int PARENT = 4;
  static final int ROOT = 8;

  static final int IV0 = 0x6A09E667;
  static final int IV1 = 0xBB67AE85;
  static final int IV2 = 0x3C6EF372;
  static final int IV3 = 0xA54FF53A;
  static final int IV4 = 0x510E527F;
  static final int IV5 = 0x9B05688C;
  static final int IV6 = 0x1F83D9AB;
  static final int IV7 = 0x5BE0CD19;

  /** Message words are little-endian; a view var handle compiles to one load on x86 and ARM. */
  private static final VarHandle LE_INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  private Blake3Compression() {}

  /** Writes the initial chaining value (the IV, as BLAKE3 without a key uses it) at {@code off}. */
  static void putIv(int[] cv, int off) {
    cv[off] = IV0;
    cv[off + 1] = IV1;
    cv[off + 2] = IV2;
    cv[off + 3] = IV3;
    cv[off + 4] = IV4;
    cv[off + 5] = IV5;
    cv[off + 6] = IV6;
    cv[off + 7] = IV7;
  }

  /** Reads the 16 little-endian message words of the 64-byte block at {@code off}. */
  static void loadBlock(byte[] block, int off, int[] words) {
    for (int i = 0; i < 16; i++) {
      words[i] = (int) LE_INT.get(block, off + 4 * i);
    }
  }

  /**
   * Compresses one block and writes the first 8 output words, which are both the next chaining
   * value and, with the ROOT flag, the 32-byte digest. The message and the input chaining value are
   * read completely before anything is written, so {@code out} may alias either.
   */
  static void compress(
      int[] cv,
      int cvOff,
      int[] msg,
      int msgOff,
      long counter,
      int blockLen,
      int flags,
      int[] out,
      int outOff) {
    int m0 = msg[msgOff];
    int m1 = msg[msgOff + 1];
    int m2 = msg[msgOff + 2];
    int m3 = msg[msgOff + 3];
    int m4 = msg[msgOff + 4];
    int m5 = msg[msgOff + 5];
    int m6 = msg[msgOff + 6];
    int m7 = msg[msgOff + 7];
    int m8 = msg[msgOff + 8];
    int m9 = msg[msgOff + 9];
    int m10 = msg[msgOff + 10];
    int m11 = msg[msgOff + 11];
    int m12 = msg[msgOff + 12];
    int m13 = msg[msgOff + 13];
    int m14 = msg[msgOff + 14];
    int m15 = msg[msgOff + 15];

    int v0 = cv[cvOff];
    int v1 = cv[cvOff + 1];
    int v2 = cv[cvOff + 2];
    int v3 = cv[cvOff + 3];
    int v4 = cv[cvOff + 4];
    int v5 = cv[cvOff + 5];
    int v6 = cv[cvOff + 6];
    int v7 = cv[cvOff + 7];
    int v8 = IV0;
    int v9 = IV1;
    int v10 = IV2;
    int v11 = IV3;
    int v12 = (int) counter;
    int v13 = (int) (counter >>> 32);
    int v14 = blockLen;
    int v15 = flags;

    for (int round = 0; ; round++) {
      // Columns.
      v0 += v4 + m0;
      v12 = Integer.rotateRight(v12 ^ v0, 16);
      v8 += v12;
      v4 = Integer.rotateRight(v4 ^ v8, 12);
      v0 += v4 + m1;
      v12 = Integer.rotateRight(v12 ^ v0, 8);
      v8 += v12;
      v4 = Integer.rotateRight(v4 ^ v8, 7);

      v1 += v5 + m2;
      v13 = Integer.rotateRight(v13 ^ v1, 16);
      v9 += v13;
      v5 = Integer.rotateRight(v5 ^ v9, 12);
      v1 += v5 + m3;
      v13 = Integer.rotateRight(v13 ^ v1, 8);
      v9 += v13;
      v5 = Integer.rotateRight(v5 ^ v9, 7);

      v2 += v6 + m4;
      v14 = Integer.rotateRight(v14 ^ v2, 16);
      v10 += v14;
      v6 = Integer.rotateRight(v6 ^ v10, 12);
      v2 += v6 + m5;
      v14 = Integer.rotateRight(v14 ^ v2, 8);
      v10 += v14;
      v6 = Integer.rotateRight(v6 ^ v10, 7);

      v3 += v7 + m6;
      v15 = Integer.rotateRight(v15 ^ v3, 16);
      v11 += v15;
      v7 = Integer.rotateRight(v7 ^ v11, 12);
      v3 += v7 + m7;
      v15 = Integer.rotateRight(v15 ^ v3, 8);
      v11 += v15;
      v7 = Integer.rotateRight(v7 ^ v11, 7);

      // Diagonals.
      v0 += v5 + m8;
      v15 = Integer.rotateRight(v15 ^ v0, 16);
      v10 += v15;
      v5 = Integer.rotateRight(v5 ^ v10, 12);
      v0 += v5 + m9;
      v15 = Integer.rotateRight(v15 ^ v0, 8);
      v10 += v15;
      v5 = Integer.rotateRight(v5 ^ v10, 7);

      v1 += v6 + m10;
      v12 = Integer.rotateRight(v12 ^ v1, 16);
      v11 += v12;
      v6 = Integer.rotateRight(v6 ^ v11, 12);
      v1 += v6 + m11;
      v12 = Integer.rotateRight(v12 ^ v1, 8);
      v11 += v12;
      v6 = Integer.rotateRight(v6 ^ v11, 7);

      v2 += v7 + m12;
      v13 = Integer.rotateRight(v13 ^ v2, 16);
      v8 += v13;
      v7 = Integer.rotateRight(v7 ^ v8, 12);
      v2 += v7 + m13;
      v13 = Integer.rotateRight(v13 ^ v2, 8);
      v8 += v13;
      v7 = Integer.rotateRight(v7 ^ v8, 7);

      v3 += v4 + m14;
      v14 = Integer.rotateRight(v14 ^ v3, 16);
      v9 += v14;
      v4 = Integer.rotateRight(v4 ^ v9, 12);
      v3 += v4 + m15;
      v14 = Integer.rotateRight(v14 ^ v3, 8);
      v9 += v14;
      v4 = Integer.rotateRight(v4 ^ v9, 7);

      if (round == 6) {
        break;
      }
      // The message permutation (2, 6, 3, 10, 7, 0, 4, 13, 1, 11, 12, 5, 9, 14, 15, 8) as moves
      // between locals: after register allocation these cost little, unlike a table lookup.
      int t0 = m0;
      int t1 = m1;
      m0 = m2;
      m1 = m6;
      m2 = m3;
      m3 = m10;
      m6 = m4;
      m4 = m7;
      m7 = m13;
      m10 = m12;
      m12 = m9;
      m13 = m14;
      m14 = m15;
      m9 = m11;
      m11 = m5;
      m5 = t0;
      m15 = m8;
      m8 = t1;
    }

    out[outOff] = v0 ^ v8;
    out[outOff + 1] = v1 ^ v9;
    out[outOff + 2] = v2 ^ v10;
    out[outOff + 3] = v3 ^ v11;
    out[outOff + 4] = v4 ^ v12;
    out[outOff + 5] = v5 ^ v13;
    out[outOff + 6] = v6 ^ v14;
    out[outOff + 7] = v7 ^ v15;
  }
}

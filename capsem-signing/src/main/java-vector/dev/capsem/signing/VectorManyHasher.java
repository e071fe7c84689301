package dev.capsem.signing;

import static dev.capsem.signing.Blake3Compression.BLOCKS_PER_CHUNK;
import static dev.capsem.signing.Blake3Compression.BLOCK_LEN;
import static dev.capsem.signing.Blake3Compression.CHUNK_END;
import static dev.capsem.signing.Blake3Compression.CHUNK_LEN;
import static dev.capsem.signing.Blake3Compression.CHUNK_START;
import static dev.capsem.signing.Blake3Compression.CV_WORDS;
import static dev.capsem.signing.Blake3Compression.PARENT;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Hashes {@code LANES} nodes at once with the incubating Vector API: lane {@code l} of every vector
 * belongs to node {@code l}, so one vector instruction does the same step of the compression
 * function for all of them, as BLAKE3's {@code hash_many} does with SIMD registers.
 *
 * <p>Compiled on its own with {@code --add-modules jdk.incubator.vector} and loaded only by {@link
 * ManyHashers} after it found the module, so it uses only API present from JDK 17 to 25 (byte and
 * int arrays; no byte buffers, memory segments or renamed operators). It assumes a little-endian
 * platform, which {@link ManyHashers} checks.
 */
final class VectorManyHasher implements ManyHasher {

  private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Byte> BYTES = INTS.vectorShape().withLanes(byte.class);
  private static final int LANES = INTS.length();

  // Stage k of the transpose swaps bit k between row and lane index: lane j of a row trades
  // places with lane j ^ k of the partner row k rows further down. Static final, so that C2
  // takes the shuffles and masks for constants.
  private static final VectorShuffle<Integer> XOR1 = xorShuffle(1);
  private static final VectorShuffle<Integer> XOR2 = xorShuffle(2);
  private static final VectorShuffle<Integer> XOR4 = xorShuffle(4);
  private static final VectorShuffle<Integer> XOR8 = xorShuffle(8);
  private static final VectorMask<Integer> BIT1 = bitMask(1);
  private static final VectorMask<Integer> BIT2 = bitMask(2);
  private static final VectorMask<Integer> BIT4 = bitMask(4);
  private static final VectorMask<Integer> BIT8 = bitMask(8);

  /** Message word order of each round: the message permutation applied 0 to 6 times. */
  private final int[] schedule = {
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
    2, 6, 3, 10, 7, 0, 4, 13, 1, 11, 12, 5, 9, 14, 15, 8,
    3, 4, 10, 12, 13, 2, 7, 14, 6, 5, 9, 0, 11, 15, 8, 1,
    10, 7, 12, 9, 14, 3, 13, 15, 4, 0, 11, 2, 5, 8, 1, 6,
    12, 13, 9, 11, 15, 10, 14, 8, 7, 2, 5, 3, 0, 1, 6, 4,
    9, 14, 11, 5, 8, 12, 15, 1, 13, 3, 0, 10, 2, 6, 4, 7,
    11, 15, 5, 0, 1, 9, 8, 6, 14, 10, 2, 12, 3, 4, 7, 13
  };

  private final ScalarManyHasher scalar = new ScalarManyHasher();

  VectorManyHasher() {
    // Fewer than 4 lanes would not pay for the transposes; 16 message words must split evenly.
    if (LANES < 4 || LANES > 16) {
      throw new UnsupportedOperationException("no use for int vectors of " + LANES + " lanes");
    }
  }

  @Override
  public int degree() {
    return LANES;
  }

  @Override
  public void hashChunks(byte[] data, int offset, int count, long counter, int[] cvs, int cvOff) {
    int[] state = new int[CV_WORDS * LANES];
    int[] block = new int[16 * LANES];
    int[] msg = new int[16 * LANES];
    int[] v = new int[16 * LANES];
    int c = 0;
    for (; c + LANES <= count; c += LANES) {
      startWithIv(state);
      int chunks = offset + c * CHUNK_LEN;
      for (int b = 0; b < BLOCKS_PER_CHUNK; b++) {
        copyBlock(data, chunks + b * BLOCK_LEN, block);
        transpose(block, 0, LANES, LANES * LANES, msg);
        int flags = (b == 0 ? CHUNK_START : 0) | (b == BLOCKS_PER_CHUNK - 1 ? CHUNK_END : 0);
        compress(msg, counter + c, 1, flags, state, v);
      }
      unpack(state, cvs, cvOff + c * CV_WORDS);
    }
    if (c < count) {
      scalar.hashChunks(
          data, offset + c * CHUNK_LEN, count - c, counter + c, cvs, cvOff + c * CV_WORDS);
    }
  }

  @Override
  public void hashParents(int[] in, int inOff, int count, int[] out, int outOff) {
    int[] state = new int[CV_WORDS * LANES];
    int[] msg = new int[16 * LANES];
    int[] v = new int[16 * LANES];
    int p = 0;
    for (; p + LANES <= count; p += LANES) {
      startWithIv(state);
      transpose(in, inOff + p * 2 * CV_WORDS, 2 * CV_WORDS, LANES, msg);
      compress(msg, 0, 0, PARENT, state, v);
      unpack(state, out, outOff + p * CV_WORDS);
    }
    if (p < count) {
      scalar.hashParents(in, inOff + p * 2 * CV_WORDS, count - p, out, outOff + p * CV_WORDS);
    }
  }

  /**
   * Copies block {@code b} of {@code LANES} consecutive chunks (block {@code b} of chunk {@code l}
   * at {@code first + l * CHUNK_LEN}) as little-endian words: row {@code r} of {@code block} holds
   * words {@code r / LANES * LANES} onwards of chunk {@code r % LANES}, the layout {@link
   * #transpose} reads.
   */
  private static void copyBlock(byte[] data, int first, int[] block) {
    for (int r = 0; r < 16; r++) {
      int at = first + r % LANES * CHUNK_LEN + 4 * (r / LANES * LANES);
      ByteVector.fromArray(BYTES, data, at).reinterpretAsInts().intoArray(block, r * LANES);
    }
  }

  /**
   * Reorders the messages of {@code LANES} nodes so that {@code LANES}-word row {@code w} of {@code
   * msg} holds message word {@code w} of every node. Row {@code r} of the input, {@code LANES}
   * words of node {@code r % LANES} from word {@code r / LANES * LANES}, is at {@code src[base + r
   * % LANES * nodeStride + r / LANES * groupStride]}. A method of its own for the reason given at
   * {@link #round}.
   */
  private static void transpose(int[] src, int base, int nodeStride, int groupStride, int[] msg) {
    IntVector m0 =
        IntVector.fromArray(INTS, src, base + 0 % LANES * nodeStride + 0 / LANES * groupStride);
    IntVector m1 =
        IntVector.fromArray(INTS, src, base + 1 % LANES * nodeStride + 1 / LANES * groupStride);
    IntVector m2 =
        IntVector.fromArray(INTS, src, base + 2 % LANES * nodeStride + 2 / LANES * groupStride);
    IntVector m3 =
        IntVector.fromArray(INTS, src, base + 3 % LANES * nodeStride + 3 / LANES * groupStride);
    IntVector m4 =
        IntVector.fromArray(INTS, src, base + 4 % LANES * nodeStride + 4 / LANES * groupStride);
    IntVector m5 =
        IntVector.fromArray(INTS, src, base + 5 % LANES * nodeStride + 5 / LANES * groupStride);
    IntVector m6 =
        IntVector.fromArray(INTS, src, base + 6 % LANES * nodeStride + 6 / LANES * groupStride);
    IntVector m7 =
        IntVector.fromArray(INTS, src, base + 7 % LANES * nodeStride + 7 / LANES * groupStride);
    IntVector m8 =
        IntVector.fromArray(INTS, src, base + 8 % LANES * nodeStride + 8 / LANES * groupStride);
    IntVector m9 =
        IntVector.fromArray(INTS, src, base + 9 % LANES * nodeStride + 9 / LANES * groupStride);
    IntVector m10 =
        IntVector.fromArray(INTS, src, base + 10 % LANES * nodeStride + 10 / LANES * groupStride);
    IntVector m11 =
        IntVector.fromArray(INTS, src, base + 11 % LANES * nodeStride + 11 / LANES * groupStride);
    IntVector m12 =
        IntVector.fromArray(INTS, src, base + 12 % LANES * nodeStride + 12 / LANES * groupStride);
    IntVector m13 =
        IntVector.fromArray(INTS, src, base + 13 % LANES * nodeStride + 13 / LANES * groupStride);
    IntVector m14 =
        IntVector.fromArray(INTS, src, base + 14 % LANES * nodeStride + 14 / LANES * groupStride);
    IntVector m15 =
        IntVector.fromArray(INTS, src, base + 15 % LANES * nodeStride + 15 / LANES * groupStride);

    IntVector t;
    if (LANES > 1) {
      t = m0.blend(m1.rearrange(XOR1), BIT1);
      m1 = m0.rearrange(XOR1).blend(m1, BIT1);
      m0 = t;
      t = m2.blend(m3.rearrange(XOR1), BIT1);
      m3 = m2.rearrange(XOR1).blend(m3, BIT1);
      m2 = t;
      t = m4.blend(m5.rearrange(XOR1), BIT1);
      m5 = m4.rearrange(XOR1).blend(m5, BIT1);
      m4 = t;
      t = m6.blend(m7.rearrange(XOR1), BIT1);
      m7 = m6.rearrange(XOR1).blend(m7, BIT1);
      m6 = t;
      t = m8.blend(m9.rearrange(XOR1), BIT1);
      m9 = m8.rearrange(XOR1).blend(m9, BIT1);
      m8 = t;
      t = m10.blend(m11.rearrange(XOR1), BIT1);
      m11 = m10.rearrange(XOR1).blend(m11, BIT1);
      m10 = t;
      t = m12.blend(m13.rearrange(XOR1), BIT1);
      m13 = m12.rearrange(XOR1).blend(m13, BIT1);
      m12 = t;
      t = m14.blend(m15.rearrange(XOR1), BIT1);
      m15 = m14.rearrange(XOR1).blend(m15, BIT1);
      m14 = t;
    }
    if (LANES > 2) {
      t = m0.blend(m2.rearrange(XOR2), BIT2);
      m2 = m0.rearrange(XOR2).blend(m2, BIT2);
      m0 = t;
      t = m1.blend(m3.rearrange(XOR2), BIT2);
      m3 = m1.rearrange(XOR2).blend(m3, BIT2);
      m1 = t;
      t = m4.blend(m6.rearrange(XOR2), BIT2);
      m6 = m4.rearrange(XOR2).blend(m6, BIT2);
      m4 = t;
      t = m5.blend(m7.rearrange(XOR2), BIT2);
      m7 = m5.rearrange(XOR2).blend(m7, BIT2);
      m5 = t;
      t = m8.blend(m10.rearrange(XOR2), BIT2);
      m10 = m8.rearrange(XOR2).blend(m10, BIT2);
      m8 = t;
      t = m9.blend(m11.rearrange(XOR2), BIT2);
      m11 = m9.rearrange(XOR2).blend(m11, BIT2);
      m9 = t;
      t = m12.blend(m14.rearrange(XOR2), BIT2);
      m14 = m12.rearrange(XOR2).blend(m14, BIT2);
      m12 = t;
      t = m13.blend(m15.rearrange(XOR2), BIT2);
      m15 = m13.rearrange(XOR2).blend(m15, BIT2);
      m13 = t;
    }
    if (LANES > 4) {
      t = m0.blend(m4.rearrange(XOR4), BIT4);
      m4 = m0.rearrange(XOR4).blend(m4, BIT4);
      m0 = t;
      t = m1.blend(m5.rearrange(XOR4), BIT4);
      m5 = m1.rearrange(XOR4).blend(m5, BIT4);
      m1 = t;
      t = m2.blend(m6.rearrange(XOR4), BIT4);
      m6 = m2.rearrange(XOR4).blend(m6, BIT4);
      m2 = t;
      t = m3.blend(m7.rearrange(XOR4), BIT4);
      m7 = m3.rearrange(XOR4).blend(m7, BIT4);
      m3 = t;
      t = m8.blend(m12.rearrange(XOR4), BIT4);
      m12 = m8.rearrange(XOR4).blend(m12, BIT4);
      m8 = t;
      t = m9.blend(m13.rearrange(XOR4), BIT4);
      m13 = m9.rearrange(XOR4).blend(m13, BIT4);
      m9 = t;
      t = m10.blend(m14.rearrange(XOR4), BIT4);
      m14 = m10.rearrange(XOR4).blend(m14, BIT4);
      m10 = t;
      t = m11.blend(m15.rearrange(XOR4), BIT4);
      m15 = m11.rearrange(XOR4).blend(m15, BIT4);
      m11 = t;
    }
    if (LANES > 8) {
      t = m0.blend(m8.rearrange(XOR8), BIT8);
      m8 = m0.rearrange(XOR8).blend(m8, BIT8);
      m0 = t;
      t = m1.blend(m9.rearrange(XOR8), BIT8);
      m9 = m1.rearrange(XOR8).blend(m9, BIT8);
      m1 = t;
      t = m2.blend(m10.rearrange(XOR8), BIT8);
      m10 = m2.rearrange(XOR8).blend(m10, BIT8);
      m2 = t;
      t = m3.blend(m11.rearrange(XOR8), BIT8);
      m11 = m3.rearrange(XOR8).blend(m11, BIT8);
      m3 = t;
      t = m4.blend(m12.rearrange(XOR8), BIT8);
      m12 = m4.rearrange(XOR8).blend(m12, BIT8);
      m4 = t;
      t = m5.blend(m13.rearrange(XOR8), BIT8);
      m13 = m5.rearrange(XOR8).blend(m13, BIT8);
      m5 = t;
      t = m6.blend(m14.rearrange(XOR8), BIT8);
      m14 = m6.rearrange(XOR8).blend(m14, BIT8);
      m6 = t;
      t = m7.blend(m15.rearrange(XOR8), BIT8);
      m15 = m7.rearrange(XOR8).blend(m15, BIT8);
      m7 = t;
    }

    m0.intoArray(msg, 0 * LANES);
    m1.intoArray(msg, 1 * LANES);
    m2.intoArray(msg, 2 * LANES);
    m3.intoArray(msg, 3 * LANES);
    m4.intoArray(msg, 4 * LANES);
    m5.intoArray(msg, 5 * LANES);
    m6.intoArray(msg, 6 * LANES);
    m7.intoArray(msg, 7 * LANES);
    m8.intoArray(msg, 8 * LANES);
    m9.intoArray(msg, 9 * LANES);
    m10.intoArray(msg, 10 * LANES);
    m11.intoArray(msg, 11 * LANES);
    m12.intoArray(msg, 12 * LANES);
    m13.intoArray(msg, 13 * LANES);
    m14.intoArray(msg, 14 * LANES);
    m15.intoArray(msg, 15 * LANES);
  }

  /**
   * One compression of a full block for each of the {@code LANES} nodes; {@code msg} as {@link
   * #transpose} leaves it. Node {@code l} has counter {@code counter + l * counterStep}. {@code cv}
   * holds word {@code w} of node {@code l}'s chaining value at {@code w * LANES + l}, in and out;
   * {@code v} is scratch for the 16-word state.
   */
  private void compress(int[] msg, long counter, int counterStep, int flags, int[] cv, int[] v) {
    System.arraycopy(cv, 0, v, 0, CV_WORDS * LANES);
    IntVector.broadcast(INTS, Blake3Compression.IV0).intoArray(v, 8 * LANES);
    IntVector.broadcast(INTS, Blake3Compression.IV1).intoArray(v, 9 * LANES);
    IntVector.broadcast(INTS, Blake3Compression.IV2).intoArray(v, 10 * LANES);
    IntVector.broadcast(INTS, Blake3Compression.IV3).intoArray(v, 11 * LANES);
    IntVector low = IntVector.zero(INTS).addIndex(counterStep).add((int) counter);
    // Lanes whose low counter word wrapped carry into the high word. The unsigned comparison is a
    // signed one on sign-flipped values because VectorOperators.UNSIGNED_LT is gone after JDK 17.
    VectorMask<Integer> carry =
        low.lanewise(VectorOperators.XOR, Integer.MIN_VALUE)
            .compare(VectorOperators.LT, (int) counter ^ Integer.MIN_VALUE);
    low.intoArray(v, 12 * LANES);
    IntVector.broadcast(INTS, (int) (counter >>> 32)).add(1, carry).intoArray(v, 13 * LANES);
    IntVector.broadcast(INTS, BLOCK_LEN).intoArray(v, 14 * LANES);
    IntVector.broadcast(INTS, flags).intoArray(v, 15 * LANES);

    for (int s = 0; s < 7 * 16; s += 16) {
      round(v, msg, s);
    }

    for (int w = 0; w < CV_WORDS; w++) {
      IntVector.fromArray(INTS, v, w * LANES)
          .lanewise(VectorOperators.XOR, IntVector.fromArray(INTS, v, (w + 8) * LANES))
          .intoArray(cv, w * LANES);
    }
  }

  /**
   * One round on the state in {@code v}, message words in {@code schedule[s..s+16)} order.
   *
   * <p>The shape of this class follows what C2 can compile to plain SIMD code (measured on JDK 17
   * and 25; a miss shows as heap allocation, every vector boxed, and runs 10 to 50 times slower):
   * no helper methods of our own between vector operations (C2 inlines those only within a node
   * budget that one round of Vector API calls already exhausts; the API's own methods are forced
   * inline), no vectors carried around a loop or returned, and no method much bigger than one
   * round. Hence the state goes through memory between rounds, which costs little next to the round
   * itself.
   */
  private void round(int[] v, int[] msg, int s) {
    IntVector v0 = IntVector.fromArray(INTS, v, 0 * LANES);
    IntVector v1 = IntVector.fromArray(INTS, v, 1 * LANES);
    IntVector v2 = IntVector.fromArray(INTS, v, 2 * LANES);
    IntVector v3 = IntVector.fromArray(INTS, v, 3 * LANES);
    IntVector v4 = IntVector.fromArray(INTS, v, 4 * LANES);
    IntVector v5 = IntVector.fromArray(INTS, v, 5 * LANES);
    IntVector v6 = IntVector.fromArray(INTS, v, 6 * LANES);
    IntVector v7 = IntVector.fromArray(INTS, v, 7 * LANES);
    IntVector v8 = IntVector.fromArray(INTS, v, 8 * LANES);
    IntVector v9 = IntVector.fromArray(INTS, v, 9 * LANES);
    IntVector v10 = IntVector.fromArray(INTS, v, 10 * LANES);
    IntVector v11 = IntVector.fromArray(INTS, v, 11 * LANES);
    IntVector v12 = IntVector.fromArray(INTS, v, 12 * LANES);
    IntVector v13 = IntVector.fromArray(INTS, v, 13 * LANES);
    IntVector v14 = IntVector.fromArray(INTS, v, 14 * LANES);
    IntVector v15 = IntVector.fromArray(INTS, v, 15 * LANES);
    IntVector t;
    v0 = v0.add(v4).add(IntVector.fromArray(INTS, msg, schedule[s + 0] * LANES));
    v12 = v12.lanewise(VectorOperators.XOR, v0).lanewise(VectorOperators.ROR, 16);
    v8 = v8.add(v12);
    v4 = v4.lanewise(VectorOperators.XOR, v8).lanewise(VectorOperators.ROR, 12);
    v0 = v0.add(v4).add(IntVector.fromArray(INTS, msg, schedule[s + 1] * LANES));
    v12 = v12.lanewise(VectorOperators.XOR, v0).lanewise(VectorOperators.ROR, 8);
    v8 = v8.add(v12);
    v4 = v4.lanewise(VectorOperators.XOR, v8).lanewise(VectorOperators.ROR, 7);
    v1 = v1.add(v5).add(IntVector.fromArray(INTS, msg, schedule[s + 2] * LANES));
    v13 = v13.lanewise(VectorOperators.XOR, v1).lanewise(VectorOperators.ROR, 16);
    v9 = v9.add(v13);
    v5 = v5.lanewise(VectorOperators.XOR, v9).lanewise(VectorOperators.ROR, 12);
    v1 = v1.add(v5).add(IntVector.fromArray(INTS, msg, schedule[s + 3] * LANES));
    v13 = v13.lanewise(VectorOperators.XOR, v1).lanewise(VectorOperators.ROR, 8);
    v9 = v9.add(v13);
    v5 = v5.lanewise(VectorOperators.XOR, v9).lanewise(VectorOperators.ROR, 7);
    v2 = v2.add(v6).add(IntVector.fromArray(INTS, msg, schedule[s + 4] * LANES));
    v14 = v14.lanewise(VectorOperators.XOR, v2).lanewise(VectorOperators.ROR, 16);
    v10 = v10.add(v14);
    v6 = v6.lanewise(VectorOperators.XOR, v10).lanewise(VectorOperators.ROR, 12);
    v2 = v2.add(v6).add(IntVector.fromArray(INTS, msg, schedule[s + 5] * LANES));
    v14 = v14.lanewise(VectorOperators.XOR, v2).lanewise(VectorOperators.ROR, 8);
    v10 = v10.add(v14);
    v6 = v6.lanewise(VectorOperators.XOR, v10).lanewise(VectorOperators.ROR, 7);
    v3 = v3.add(v7).add(IntVector.fromArray(INTS, msg, schedule[s + 6] * LANES));
    v15 = v15.lanewise(VectorOperators.XOR, v3).lanewise(VectorOperators.ROR, 16);
    v11 = v11.add(v15);
    v7 = v7.lanewise(VectorOperators.XOR, v11).lanewise(VectorOperators.ROR, 12);
    v3 = v3.add(v7).add(IntVector.fromArray(INTS, msg, schedule[s + 7] * LANES));
    v15 = v15.lanewise(VectorOperators.XOR, v3).lanewise(VectorOperators.ROR, 8);
    v11 = v11.add(v15);
    v7 = v7.lanewise(VectorOperators.XOR, v11).lanewise(VectorOperators.ROR, 7);
    v0 = v0.add(v5).add(IntVector.fromArray(INTS, msg, schedule[s + 8] * LANES));
    v15 = v15.lanewise(VectorOperators.XOR, v0).lanewise(VectorOperators.ROR, 16);
    v10 = v10.add(v15);
    v5 = v5.lanewise(VectorOperators.XOR, v10).lanewise(VectorOperators.ROR, 12);
    v0 = v0.add(v5).add(IntVector.fromArray(INTS, msg, schedule[s + 9] * LANES));
    v15 = v15.lanewise(VectorOperators.XOR, v0).lanewise(VectorOperators.ROR, 8);
    v10 = v10.add(v15);
    v5 = v5.lanewise(VectorOperators.XOR, v10).lanewise(VectorOperators.ROR, 7);
    v1 = v1.add(v6).add(IntVector.fromArray(INTS, msg, schedule[s + 10] * LANES));
    v12 = v12.lanewise(VectorOperators.XOR, v1).lanewise(VectorOperators.ROR, 16);
    v11 = v11.add(v12);
    v6 = v6.lanewise(VectorOperators.XOR, v11).lanewise(VectorOperators.ROR, 12);
    v1 = v1.add(v6).add(IntVector.fromArray(INTS, msg, schedule[s + 11] * LANES));
    v12 = v12.lanewise(VectorOperators.XOR, v1).lanewise(VectorOperators.ROR, 8);
    v11 = v11.add(v12);
    v6 = v6.lanewise(VectorOperators.XOR, v11).lanewise(VectorOperators.ROR, 7);
    v2 = v2.add(v7).add(IntVector.fromArray(INTS, msg, schedule[s + 12] * LANES));
    v13 = v13.lanewise(VectorOperators.XOR, v2).lanewise(VectorOperators.ROR, 16);
    v8 = v8.add(v13);
    v7 = v7.lanewise(VectorOperators.XOR, v8).lanewise(VectorOperators.ROR, 12);
    v2 = v2.add(v7).add(IntVector.fromArray(INTS, msg, schedule[s + 13] * LANES));
    v13 = v13.lanewise(VectorOperators.XOR, v2).lanewise(VectorOperators.ROR, 8);
    v8 = v8.add(v13);
    v7 = v7.lanewise(VectorOperators.XOR, v8).lanewise(VectorOperators.ROR, 7);
    v3 = v3.add(v4).add(IntVector.fromArray(INTS, msg, schedule[s + 14] * LANES));
    v14 = v14.lanewise(VectorOperators.XOR, v3).lanewise(VectorOperators.ROR, 16);
    v9 = v9.add(v14);
    v4 = v4.lanewise(VectorOperators.XOR, v9).lanewise(VectorOperators.ROR, 12);
    v3 = v3.add(v4).add(IntVector.fromArray(INTS, msg, schedule[s + 15] * LANES));
    v14 = v14.lanewise(VectorOperators.XOR, v3).lanewise(VectorOperators.ROR, 8);
    v9 = v9.add(v14);
    v4 = v4.lanewise(VectorOperators.XOR, v9).lanewise(VectorOperators.ROR, 7);
    v0.intoArray(v, 0 * LANES);
    v1.intoArray(v, 1 * LANES);
    v2.intoArray(v, 2 * LANES);
    v3.intoArray(v, 3 * LANES);
    v4.intoArray(v, 4 * LANES);
    v5.intoArray(v, 5 * LANES);
    v6.intoArray(v, 6 * LANES);
    v7.intoArray(v, 7 * LANES);
    v8.intoArray(v, 8 * LANES);
    v9.intoArray(v, 9 * LANES);
    v10.intoArray(v, 10 * LANES);
    v11.intoArray(v, 11 * LANES);
    v12.intoArray(v, 12 * LANES);
    v13.intoArray(v, 13 * LANES);
    v14.intoArray(v, 14 * LANES);
    v15.intoArray(v, 15 * LANES);
  }

  private static void startWithIv(int[] state) {
    IntVector.broadcast(INTS, Blake3Compression.IV0).intoArray(state, 0);
    IntVector.broadcast(INTS, Blake3Compression.IV1).intoArray(state, LANES);
    IntVector.broadcast(INTS, Blake3Compression.IV2).intoArray(state, 2 * LANES);
    IntVector.broadcast(INTS, Blake3Compression.IV3).intoArray(state, 3 * LANES);
    IntVector.broadcast(INTS, Blake3Compression.IV4).intoArray(state, 4 * LANES);
    IntVector.broadcast(INTS, Blake3Compression.IV5).intoArray(state, 5 * LANES);
    IntVector.broadcast(INTS, Blake3Compression.IV6).intoArray(state, 6 * LANES);
    IntVector.broadcast(INTS, Blake3Compression.IV7).intoArray(state, 7 * LANES);
  }

  /** Chaining values from lane-major {@code state} to node-major {@code cvs}. */
  private static void unpack(int[] state, int[] cvs, int cvOff) {
    for (int l = 0; l < LANES; l++) {
      for (int w = 0; w < CV_WORDS; w++) {
        cvs[cvOff + l * CV_WORDS + w] = state[w * LANES + l];
      }
    }
  }

  private static VectorShuffle<Integer> xorShuffle(int k) {
    int[] lanes = new int[LANES];
    for (int j = 0; j < LANES; j++) {
      lanes[j] = (j ^ k) % LANES;
    }
    return VectorShuffle.fromArray(INTS, lanes, 0);
  }

  private static VectorMask<Integer> bitMask(int k) {
    boolean[] set = new boolean[LANES];
    for (int j = 0; j < LANES; j++) {
      set[j] = (j & k) != 0;
    }
    return VectorMask.fromArray(INTS, set, 0);
  }
}

package dev.capsem.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The SIMD engines against the one-node-at-a-time scalar engine, node by node. */
class ManyHasherEquivalenceTest {

  private final ManyHasher scalar = ManyHashers.scalar();

  static Stream<String> engines() {
    return Engines.available().keySet().stream().filter(name -> !name.equals("scalar"));
  }

  @ParameterizedTest(name = "{0} engine")
  @MethodSource("engines")
  void hashChunks_anyCountAndCounter_matchesScalar(String engine) {
    ManyHasher many = Engines.available().get(engine);
    Random random = new Random(42);
    int degree = many.degree();
    // Whole passes, remainders, and counters whose low word wraps inside a pass.
    int[] counts = {0, 1, degree - 1, degree, degree + 1, 2 * degree + 3, 3 * degree};
    long[] counters = {0, 1, 0xFFFF_FFF0L, 0x1_2345_6789L, (1L << 54) - 3 * degree - 4};
    for (int count : counts) {
      for (long counter : counters) {
        int offset = random.nextInt(3) * 7;
        byte[] data = new byte[offset + count * 1024];
        random.nextBytes(data);
        int[] expected = new int[count * 8 + 5];
        int[] actual = new int[count * 8 + 5];

        scalar.hashChunks(data, offset, count, counter, expected, 5);
        many.hashChunks(data, offset, count, counter, actual, 5);

        assertThat(actual).as("%d chunks from counter %d", count, counter).isEqualTo(expected);
      }
    }
  }

  @ParameterizedTest(name = "{0} engine")
  @MethodSource("engines")
  void hashParents_levelReducedInPlace_matchesScalar(String engine) {
    ManyHasher many = Engines.available().get(engine);
    Random random = new Random(43);
    for (int pairs : new int[] {1, many.degree(), 2 * many.degree() + 1, 512}) {
      int[] level = random.ints(pairs * 16L).toArray();
      int[] expected = Arrays.copyOf(level, level.length);
      scalar.hashParents(expected, 0, pairs, expected, 0);

      many.hashParents(level, 0, pairs, level, 0);

      assertThat(Arrays.copyOf(level, pairs * 8))
          .as("%d parents", pairs)
          .isEqualTo(Arrays.copyOf(expected, pairs * 8));
    }
  }

  @ParameterizedTest(name = "{0} engine")
  @MethodSource("engines")
  void hashParents_separateOutputAtAnOffset_matchesScalar(String engine) {
    ManyHasher many = Engines.available().get(engine);
    int pairs = many.degree() + 2;
    int[] in = new Random(44).ints(3 + pairs * 16L).toArray();
    int[] expected = new int[9 + pairs * 8];
    int[] actual = new int[9 + pairs * 8];

    scalar.hashParents(in, 3, pairs, expected, 9);
    many.hashParents(in, 3, pairs, actual, 9);

    assertThat(actual).isEqualTo(expected);
  }
}

package dev.capsem.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capsem.core.ports.Hasher;
import dev.capsem.core.ports.Hasher.HashStream;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class Blake3StreamTest {

  static Stream<String> engines() {
    return Engines.available().keySet().stream();
  }

  @ParameterizedTest(name = "{0} engine")
  @MethodSource("engines")
  void update_randomSplits_matchesOneShot(String engine) {
    Hasher hasher = Blake3.hasher(Engines.available().get(engine), 1);
    Random random = new Random(0x5EED);
    for (int trial = 0; trial < 60; trial++) {
      // Mostly small inputs, some over 256 chunks so that a whole lockstep pass runs too.
      int length = trial % 10 == 0 ? 263_000 + random.nextInt(300_000) : random.nextInt(9000);
      byte[] data = new byte[length];
      random.nextBytes(data);
      String oneShot = Blake3.hasher(ManyHashers.scalar(), 1).hex(data);

      HashStream stream = hasher.start();
      int pos = 0;
      while (pos < length) {
        // Splits from 0 bytes to a little over two chunks, with edges at 64 and 1024 likely.
        int step = Math.min(length - pos, splitLength(random));
        stream.update(data, pos, step);
        pos += step;
      }

      assertThat(stream.finishHex()).as("trial %d, %d bytes", trial, length).isEqualTo(oneShot);
    }
  }

  @Test
  void update_sliceOfALargerArray_hashesOnlyTheSlice() {
    byte[] data = new byte[5000];
    new Random(7).nextBytes(data);
    HashStream stream = Blake3.hasher().start();

    stream.update(data, 100, 3000);

    assertThat(stream.finishHex())
        .isEqualTo(Blake3.hasher().hex(Arrays.copyOfRange(data, 100, 3100)));
  }

  @Test
  void finishHex_calledTwice_returnsTheSameDigest() {
    HashStream stream = Blake3.hasher().start();
    stream.update(new byte[2049], 0, 2049);

    assertThat(stream.finishHex()).isEqualTo(stream.finishHex());
  }

  @Test
  void update_afterFinishHex_continuesTheSameInput() {
    byte[] data = new byte[3000];
    new Random(3).nextBytes(data);
    HashStream stream = Blake3.hasher().start();
    stream.update(data, 0, 1500);
    stream.finishHex();

    stream.update(data, 1500, 1500);

    assertThat(stream.finishHex()).isEqualTo(Blake3.hasher().hex(data));
  }

  @Test
  void update_sliceOutsideTheArray_throwsIndexOutOfBounds() {
    HashStream stream = Blake3.hasher().start();

    assertThatThrownBy(() -> stream.update(new byte[10], 5, 6))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  private static int splitLength(Random random) {
    switch (random.nextInt(4)) {
      case 0:
        return random.nextInt(3);
      case 1:
        return Math.max(0, 64 * random.nextInt(4) + random.nextInt(3) - 1);
      case 2:
        return 1024 * random.nextInt(3) + random.nextInt(3);
      default:
        return random.nextInt(2200);
    }
  }
}

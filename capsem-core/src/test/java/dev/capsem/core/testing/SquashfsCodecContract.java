package dev.capsem.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capsem.core.ports.SquashfsCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SquashfsCodec} must do, run against the fake and the real adapters (STYLE rule
 * 11): round trips, "not smaller" as -1, the same bytes for the same block from any thread, and
 * decompression that refuses to write past its capacity or to accept damage.
 */
public abstract class SquashfsCodecContract {

  private static final int BLOCK = 65536;

  /** The codec under test. */
  protected abstract SquashfsCodec codec();

  /** The squashfs compression id it must report. */
  protected abstract int expectedId();

  /**
   * Records padded with runs, as tables and sparse data are: every codec, even a fake, shrinks it.
   */
  private static byte[] text(int size) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; s.length() < size; i++) {
      s.append("Package: libc6\nVersion: 2.36-9+deb12u").append(i % 10).append('\n');
      s.append(" ".repeat(400)).append('\n');
    }
    return Arrays.copyOf(s.toString().getBytes(StandardCharsets.US_ASCII), size);
  }

  private static byte[] random(int size) {
    byte[] out = new byte[size];
    new Random(17).nextBytes(out);
    return out;
  }

  @Test
  void id_isTheSquashfsCompressionId() {
    assertThat(codec().id()).isEqualTo(expectedId());
  }

  @Test
  void atLevel_anyLevelItOffers_isTheSameCompressorAndReadsWhatItWrites() throws IOException {
    byte[] block = text(BLOCK);
    for (int level = 1; level <= 22; level++) {
      Optional<SquashfsCodec> other = codec().atLevel(level);
      if (other.isEmpty()) {
        continue;
      }
      byte[] compressed = new byte[BLOCK];
      int length = other.get().compress(block, 0, block.length, compressed, 0, BLOCK);
      byte[] back = new byte[BLOCK];

      assertThat(other.get().id()).as("level %d", level).isEqualTo(expectedId());
      assertThat(codec().decompress(compressed, 0, length, back, 0, BLOCK)).isEqualTo(BLOCK);
      assertThat(back).as("level %d", level).isEqualTo(block);
    }
  }

  @Test
  void atLevel_outOfAnyRange_isEmpty() {
    assertThat(codec().atLevel(0)).isEmpty();
    assertThat(codec().atLevel(99)).isEmpty();
  }

  @Test
  void compressThenDecompress_compressibleBlock_givesTheSameBytes() throws IOException {
    byte[] block = text(BLOCK);
    byte[] compressed = new byte[BLOCK];

    int length = codec().compress(block, 0, block.length, compressed, 0, BLOCK);
    byte[] back = new byte[BLOCK];
    int n = codec().decompress(compressed, 0, length, back, 0, BLOCK);

    assertThat(length).isPositive().isLessThan(BLOCK / 2);
    assertThat(n).isEqualTo(BLOCK);
    assertThat(back).isEqualTo(block);
  }

  @Test
  void compressThenDecompress_atOffsets_usesOnlyTheGivenRanges() throws IOException {
    byte[] source = new byte[10 + 5000 + 10];
    System.arraycopy(text(5000), 0, source, 10, 5000);
    byte[] compressed = new byte[7 + 5000];

    int length = codec().compress(source, 10, 5000, compressed, 7, 5000);
    byte[] back = new byte[3 + 5000];
    int n = codec().decompress(compressed, 7, length, back, 3, 5000);

    assertThat(n).isEqualTo(5000);
    assertThat(Arrays.copyOfRange(back, 3, 5003)).isEqualTo(Arrays.copyOfRange(source, 10, 5010));
  }

  @Test
  void compress_incompressibleBlock_returnsMinusOne() {
    byte[] block = random(BLOCK);

    assertThat(codec().compress(block, 0, block.length, new byte[BLOCK], 0, BLOCK)).isEqualTo(-1);
  }

  @Test
  void compress_sameBlockFromManyThreads_givesTheSameBytes() throws Exception {
    byte[] block = text(BLOCK);
    byte[] first = compressed(block);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<byte[]>> results =
          IntStream.range(0, 16).mapToObj(i -> pool.submit(() -> compressed(block))).toList();
      for (Future<byte[]> result : results) {
        assertThat(result.get()).isEqualTo(first);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private byte[] compressed(byte[] block) {
    byte[] out = new byte[BLOCK];
    int n = codec().compress(block, 0, block.length, out, 0, BLOCK);
    return Arrays.copyOf(out, n);
  }

  @Test
  void decompress_blockLargerThanCapacity_failsWithoutWritingPastIt() {
    byte[] zeros = new byte[BLOCK];
    byte[] bomb = compressed(zeros);
    byte[] target = new byte[8192 + 16];
    Arrays.fill(target, (byte) 0x5a);

    assertThatThrownBy(() -> codec().decompress(bomb, 0, bomb.length, target, 0, 8192))
        .isInstanceOf(IOException.class);
    for (int i = 8192; i < target.length; i++) {
      assertThat(target[i]).as("byte %d past the capacity", i).isEqualTo((byte) 0x5a);
    }
  }

  @Test
  void decompress_garbage_fails() {
    byte[] garbage = random(300);

    assertThatThrownBy(
            () -> codec().decompress(garbage, 0, garbage.length, new byte[BLOCK], 0, BLOCK))
        .isInstanceOf(IOException.class);
  }

  @Test
  void decompress_truncatedBlock_fails() {
    byte[] whole = compressed(text(BLOCK));
    byte[] truncated = Arrays.copyOf(whole, whole.length / 2);

    assertThatThrownBy(
            () -> codec().decompress(truncated, 0, truncated.length, new byte[BLOCK], 0, BLOCK))
        .isInstanceOf(IOException.class);
  }
}

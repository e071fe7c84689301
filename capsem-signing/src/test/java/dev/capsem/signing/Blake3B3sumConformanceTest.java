package dev.capsem.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Our digests against the real b3sum CLI, on the same temp files. */
class Blake3B3sumConformanceTest {

  private static final int MIB = 1 << 20;

  private B3sum b3sum;

  @TempDir Path dir;

  /** Per test rather than per class, so that each skipped test is reported with the reason. */
  @BeforeEach
  void findB3sum() {
    b3sum = B3sum.require();
  }

  /** Around block, chunk, parent and piece boundaries. */
  static IntStream edgeLengths() {
    return IntStream.of(
        0,
        1,
        63,
        64,
        65,
        1023,
        1024,
        1025,
        2048,
        2049,
        3072,
        3073,
        65536,
        65537,
        MIB - 1,
        MIB,
        MIB + 1,
        2 * MIB + 1024,
        3 * MIB - 1);
  }

  static IntStream seededRandomLengths() {
    return new Random(0xB1A4E3L).ints(12, 0, 5 * MIB);
  }

  static Stream<Integer> officialInputLengths() {
    return Stream.of(1023, 4097, 31744, 102400, MIB + 7);
  }

  @ParameterizedTest(name = "{0} bytes")
  @MethodSource("edgeLengths")
  void hexOfFile_lengthAtATreeEdge_matchesB3sum(int length) throws Exception {
    assertEveryWayMatchesB3sum(writeRandom(length, length));
  }

  @ParameterizedTest(name = "{0} bytes")
  @MethodSource("seededRandomLengths")
  void hexOfFile_seededRandomLength_matchesB3sum(int length) throws Exception {
    assertEveryWayMatchesB3sum(writeRandom(length, ~length));
  }

  @ParameterizedTest(name = "{0} bytes")
  @MethodSource("officialInputLengths")
  void hexOfFile_officialTestVectorInput_matchesB3sum(int length) throws Exception {
    Path file =
        Files.write(dir.resolve("official-" + length), Blake3KnownAnswerTest.officialInput(length));

    assertEveryWayMatchesB3sum(file);
  }

  @Test
  void hexOfFile_200MiBRandomFile_matchesB3sum() throws Exception {
    // Not a multiple of anything, so the last piece, buffer and chunk are all partial.
    Path file = writeRandom(200 * MIB + 777, 200);
    String expected = b3sum.hex(file);

    assertThat(Blake3.hasher().hexOfFile(file)).as("default hasher").isEqualTo(expected);
    for (Map.Entry<String, ManyHasher> engine : Engines.available().entrySet()) {
      if (!engine.getKey().equals("scalar")) {
        assertThat(Blake3.hasher(engine.getValue(), 2).hexOfFile(file))
            .as("%s engine, 2 threads", engine.getKey())
            .isEqualTo(expected);
      }
    }
  }

  @Test
  void hexOfFile_oneGiBRandomFile_matchesB3sum() throws Exception {
    // The size of the acceptance's largest file, plus a partial chunk: a rootfs is about half this.
    Path file = writeRandom(1024 * MIB + 13, 1024);

    assertThat(Blake3.hasher().hexOfFile(file)).isEqualTo(b3sum.hex(file));
  }

  /** Each engine through every path: the file tree with real and tiny pieces, and the stream. */
  private void assertEveryWayMatchesB3sum(Path file) throws Exception {
    String expected = b3sum.hex(file);
    byte[] content = Files.readAllBytes(file);

    assertThat(Blake3.hasher().hexOfFile(file)).as("default hasher").isEqualTo(expected);
    for (Map.Entry<String, ManyHasher> engine : Engines.available().entrySet()) {
      ManyHasher many = engine.getValue();
      assertThat(Blake3.hasher(many, 2).hexOfFile(file))
          .as("%s engine, file", engine.getKey())
          .isEqualTo(expected);
      assertThat(new ParallelFileHasher(many, 3, 4096, 2048).hex(file))
          .as("%s engine, file in 4 KiB pieces", engine.getKey())
          .isEqualTo(expected);
      assertThat(Blake3.hasher(many, 1).hex(content))
          .as("%s engine, byte array", engine.getKey())
          .isEqualTo(expected);
    }
  }

  private Path writeRandom(long length, long seed) throws IOException {
    Path file = dir.resolve("random-" + length);
    Random random = new Random(seed);
    byte[] buffer = new byte[MIB];
    try (OutputStream out = Files.newOutputStream(file)) {
      for (long left = length; left > 0; left -= buffer.length) {
        random.nextBytes(buffer);
        out.write(buffer, 0, (int) Math.min(buffer.length, left));
      }
    }
    return file;
  }
}

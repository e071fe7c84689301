package dev.capsem.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capsem.core.ports.Hasher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every {@link Hasher} must do (STYLE rule 11): BLAKE3 as {@code b3sum} prints it, whether the
 * bytes come in one array, in pieces of any size, as a slice of a larger array, or from a file of
 * any size, and from several threads at once. Expected digests are the official BLAKE3 test-vector
 * inputs (byte {@code i} is {@code i % 251}) as printed by {@code b3sum} 1.2.0, never values the
 * code under test produced.
 */
public abstract class HasherContract {

  /** Official-vector input lengths around chunk (1024) and block (64) boundaries, and digests. */
  private static final Map<Integer, String> OFFICIAL =
      Map.of(
          0, "af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262",
          1, "2d3adedff11b61f14c886e35afa036736dcd87a74d27b5c1510225d0f592e213",
          1023, "10108970eeda3eb932baac1428c7a2163b0e924c9a9e25b35bba72b28f70bd11",
          1024, "42214739f095a406f3fc83deb889744ac00df831c10daa55189b5d121c855af7",
          1025, "d00278ae47eb27b34faecf67b4fe263f82d5412916c1ffd97c8cb7fb814b8444",
          2049, "5f4d72f40d7a5f82b15ca2b2e44b1de3c2ef86c426c95c1af0b6879522563030",
          8193, "bab6c09cb8ce8cf459261398d2e7aef35700bf488116ceb94a36d0f5f1b7bc3b",
          31744, "62b6960e1a44bcc1eb1a611a8d6235b6b4b78f32e7abc4fb4c6cdcce94895c47",
          102400, "bc3e3d41a1146b069abffad3c0d44860cf664390afce4d9661f7902e7943e085");

  /** 5 MiB + 1 of the official input: several of the pieces a parallel file hasher uses. */
  private static final int LARGE = 5 * 1024 * 1024 + 1;

  /** {@code b3sum} 1.2.0 of {@link #LARGE} bytes of the official input. */
  private static final String LARGE_DIGEST =
      "a2eed482c537df008175a978a474f0a2f257d3ef11f7ac1f6fa9f5e49af4d345";

  /** {@code b3sum} 1.2.0 of 1024 bytes where byte {@code i} is {@code 255 - i % 251}. */
  private static final String OTHER_1024_DIGEST =
      "7213de46e7b568bb81cccd898d3fa0887e5ede034974d816d112c680add9cbea";

  @TempDir protected Path temp;

  /** The hasher under test. */
  protected abstract Hasher hasher();

  private static byte[] officialInput(int length) {
    byte[] input = new byte[length];
    for (int i = 0; i < length; i++) {
      input[i] = (byte) (i % 251);
    }
    return input;
  }

  @ParameterizedTest(name = "{0} bytes")
  @ValueSource(ints = {0, 1, 1023, 1024, 1025, 2049, 8193, 31744, 102400})
  void hex_officialInput_isTheB3sumDigest(int length) {
    assertThat(hasher().hex(officialInput(length))).isEqualTo(OFFICIAL.get(length));
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void start_inPiecesOfRandomSizes_givesTheDigestOfTheWhole(long seed) {
    byte[] input = officialInput(102400);
    Random random = new Random(seed);
    Hasher.HashStream stream = hasher().start();
    for (int from = 0; from < input.length; ) {
      int length = Math.min(input.length - from, random.nextInt(3000));
      stream.update(input, from, length);
      from += length;
    }

    assertThat(stream.finishHex()).isEqualTo(OFFICIAL.get(102400));
  }

  @Test
  void start_sliceOfALargerArray_hashesOnlyTheSlice() {
    byte[] slice = officialInput(1025);
    byte[] larger = new byte[7 + slice.length + 13];
    new Random(9).nextBytes(larger);
    System.arraycopy(slice, 0, larger, 7, slice.length);
    Hasher.HashStream stream = hasher().start();

    stream.update(larger, 7, slice.length);

    assertThat(stream.finishHex()).isEqualTo(OFFICIAL.get(1025));
  }

  @Test
  void start_twoStreams_doNotShareState() {
    Hasher.HashStream first = hasher().start();
    Hasher.HashStream second = hasher().start();
    byte[] input = officialInput(2049);

    first.update(input, 0, 1000);
    second.update(officialInput(1), 0, 1);
    first.update(input, 1000, input.length - 1000);

    assertThat(first.finishHex()).isEqualTo(OFFICIAL.get(2049));
    assertThat(second.finishHex()).isEqualTo(OFFICIAL.get(1));
  }

  @ParameterizedTest(name = "{0} bytes")
  @ValueSource(ints = {0, 1025, 102400})
  void hexOfFile_officialInput_isTheB3sumDigest(int length) throws IOException {
    Path file = Files.write(temp.resolve("official-" + length), officialInput(length));

    assertThat(hasher().hexOfFile(file)).isEqualTo(OFFICIAL.get(length));
  }

  @Test
  void hexOfFile_largerThanAPiece_isTheB3sumDigest() throws IOException {
    Path file = Files.write(temp.resolve("large"), officialInput(LARGE));

    assertThat(hasher().hexOfFile(file)).isEqualTo(LARGE_DIGEST);
  }

  @Test
  void hexOfFile_rewrittenInPlaceWithOtherBytesOfTheSameLength_givesTheNewDigest()
      throws IOException {
    byte[] other = new byte[1024];
    for (int i = 0; i < other.length; i++) {
      other[i] = (byte) (255 - i % 251);
    }
    Path file = Files.write(temp.resolve("rewritten"), officialInput(1024));
    assertThat(hasher().hexOfFile(file)).isEqualTo(OFFICIAL.get(1024));

    Files.write(file, other);

    assertThat(hasher().hexOfFile(file)).isEqualTo(OTHER_1024_DIGEST);
  }

  @Test
  void hexOfFile_fromSeveralThreadsAtOnce_givesEachFileItsDigest() throws Exception {
    int[] lengths = {0, 1, 1023, 1024, 1025, 2049, 8193, 31744, 102400};
    List<Path> files = new ArrayList<>();
    for (int length : lengths) {
      files.add(Files.write(temp.resolve("parallel-" + length), officialInput(length)));
    }
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> digests = new ArrayList<>();
      for (int round = 0; round < 3; round++) {
        for (Path file : files) {
          Callable<String> task = () -> hasher().hexOfFile(file);
          digests.add(threads.submit(task));
        }
      }
      for (int i = 0; i < digests.size(); i++) {
        assertThat(digests.get(i).get()).isEqualTo(OFFICIAL.get(lengths[i % lengths.length]));
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void hexOfFile_missingFile_throwsNoSuchFile() {
    assertThatThrownBy(() -> hasher().hexOfFile(temp.resolve("absent")))
        .isInstanceOf(NoSuchFileException.class);
  }
}

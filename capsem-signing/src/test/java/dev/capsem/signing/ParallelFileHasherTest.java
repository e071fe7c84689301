package dev.capsem.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tree split across pieces and threads, against the single-threaded stream. */
class ParallelFileHasherTest {

  @TempDir Path dir;

  @Test
  void hex_tinyPiecesAndManyThreads_matchesTheStream() throws IOException {
    Random random = new Random(99);
    for (int trial = 0; trial < 40; trial++) {
      byte[] data = new byte[random.nextInt(70_000)];
      random.nextBytes(data);
      Path file = Files.write(dir.resolve("trial-" + trial), data);
      int piece = 1024 << random.nextInt(4);
      int buffer = 1024 << random.nextInt(4);
      int threads = 1 + random.nextInt(4);
      ParallelFileHasher files =
          new ParallelFileHasher(ManyHashers.lockstep(), threads, piece, buffer);

      assertThat(files.hex(file))
          .as(
              "%d bytes, %d-byte pieces, %d-byte reads, %d threads",
              data.length, piece, buffer, threads)
          .isEqualTo(Blake3.hasher(ManyHashers.scalar(), 1).hex(data));
    }
  }

  @Test
  void pieceSize_oneTebibyteFile_keepsThePieceTableBounded() {
    ParallelFileHasher files = new ParallelFileHasher(ManyHashers.scalar(), 2, 1 << 20, 1 << 20);
    long size = 1L << 40;

    long piece = files.pieceSize(size);

    assertThat(Long.bitCount(piece)).isEqualTo(1);
    assertThat((size + piece - 1) / piece).isLessThanOrEqualTo(ParallelFileHasher.MAX_PIECES);
  }

  @Test
  void pieceSize_smallFile_isTheMinimum() {
    ParallelFileHasher files = new ParallelFileHasher(ManyHashers.scalar(), 2, 1 << 20, 1 << 20);

    assertThat(files.pieceSize(3L << 20)).isEqualTo(1 << 20);
  }

  @Test
  void hex_missingFile_throwsNoSuchFile() {
    ParallelFileHasher files = new ParallelFileHasher(ManyHashers.scalar(), 2, 1024, 1024);

    assertThatThrownBy(() -> files.hex(dir.resolve("absent")))
        .isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void new_pieceSizeNotAPowerOfTwo_throwsIllegalArgument() {
    assertThatThrownBy(() -> new ParallelFileHasher(ManyHashers.scalar(), 2, 3000, 1024))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("minPieceSize");
  }

  @Test
  void new_noThreads_throwsIllegalArgument() {
    assertThatThrownBy(() -> new ParallelFileHasher(ManyHashers.scalar(), 0, 1024, 1024))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("threads");
  }

  @Test
  void hex_procFileOfSizeZero_hashesItsContentNotEmptyInput() throws IOException {
    Path proc = Path.of("/proc/version");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(proc), "no /proc on this system");
    assertThat(Files.size(proc)).as("/proc reports size 0").isZero();
    byte[] content = Files.readAllBytes(proc);
    ParallelFileHasher files = new ParallelFileHasher(ManyHashers.scalar(), 2, 1024, 1024);

    assertThat(content).isNotEmpty();
    assertThat(files.hex(proc)).isEqualTo(Blake3.hasher(ManyHashers.scalar(), 1).hex(content));
  }

  @Test
  void hex_sysFileShorterThanItsSize_hashesWhatIsThere() throws IOException {
    Path sys = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(sys), "no such /sys file here");
    byte[] content = Files.readAllBytes(sys);
    ParallelFileHasher files = new ParallelFileHasher(ManyHashers.scalar(), 2, 1024, 1024);

    assertThat(files.hex(sys)).isEqualTo(Blake3.hasher(ManyHashers.scalar(), 1).hex(content));
  }
}

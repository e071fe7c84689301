package dev.capsem.core.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15, finding 8: published files get the mode the umask gives, as any new file does. */
class AtomicFilesTest {

  @TempDir Path dir;

  @Test
  void write_newFile_hasTheModeAnyNewFileGetsUnderTheUmask() throws Exception {
    assumeTrue(Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null, "not POSIX");
    // What the umask gives a new file here (rw-r--r-- under 022); not 0600 as a temp file.
    Path probe = Files.createFile(dir.resolve("probe"));

    AtomicFiles.writeString(dir.resolve("manifest.json"), "{}\n");

    assertThat(Files.getPosixFilePermissions(dir.resolve("manifest.json")))
        .isEqualTo(Files.getPosixFilePermissions(probe));
  }

  @Test
  void write_existingFile_isReplacedWholeAndNoTemporaryRemains() throws Exception {
    Path target = Files.writeString(dir.resolve("B3SUMS"), "old\n");

    AtomicFiles.writeString(target, "new\n");

    assertThat(Files.readString(target)).isEqualTo("new\n");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(target);
    }
  }
}

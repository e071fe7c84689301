package dev.capsem.core.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.capsem.core.testing.FileAccessContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file access contract on the real file system, plus the mode of what it writes. */
class LocalFileAccessContractTest extends FileAccessContract {

  @TempDir Path folder;

  @Override
  protected FileAccess files() {
    return FileAccess.local();
  }

  @Override
  protected Path folder() {
    return folder;
  }

  @Override
  protected Set<Path> everythingUnder(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> !p.equals(root)).collect(Collectors.toSet());
    }
  }

  @Test
  void write_newFile_getsTheModeAPlainNewFileGetsUnderThisUmask() throws IOException {
    assumeThat(Files.getFileAttributeView(folder, PosixFileAttributeView.class))
        .as("a POSIX file system")
        .isNotNull();
    // What the JDK's plain create gives is 0666 less the umask: 0644 under the usual 022.
    String plain =
        PosixFilePermissions.toString(
            Files.getPosixFilePermissions(Files.createFile(folder.resolve("plain"))));
    Path written = folder.resolve("published/catalog.json");

    files().writeText(written, "{}\n");

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written)))
        .isEqualTo(plain);
  }

  @Test
  void write_underUmask022_isReadableByEveryone() throws IOException {
    assumeThat(Files.getFileAttributeView(folder, PosixFileAttributeView.class)).isNotNull();
    String plain =
        PosixFilePermissions.toString(
            Files.getPosixFilePermissions(Files.createFile(folder.resolve("plain"))));
    assumeThat(plain).as("the umask is 022").isEqualTo("rw-r--r--");
    Path written = folder.resolve("catalog.json");

    files().writeText(written, "{}\n");

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written)))
        .isEqualTo("rw-r--r--");
  }
}

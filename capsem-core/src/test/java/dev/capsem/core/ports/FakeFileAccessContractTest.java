package dev.capsem.core.ports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.testing.FileAccessContract;
import dev.capsem.core.testing.InMemoryFileAccess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The in-memory file system keeps the contract the local one keeps, and counts reads. */
class FakeFileAccessContractTest extends FileAccessContract {

  private static final Path ROOT = Path.of("/capsem-fake/project");

  private final InMemoryFileAccess files;

  FakeFileAccessContractTest() throws IOException {
    files = new InMemoryFileAccess().createFolder(ROOT);
  }

  @Override
  protected FileAccess files() {
    return files;
  }

  @Override
  protected Path folder() {
    return ROOT;
  }

  @Override
  protected Set<Path> everythingUnder(Path folder) {
    return files.everythingUnder(folder);
  }

  @Test
  void reads_countsEveryReadOfEachFileWhateverThePathSpelling() throws IOException {
    Path profile = ROOT.resolve("profiles/corp.profile.toml");
    files.writeText(profile, "id = \"corp\"\n");

    files.read(profile);
    files.readText(ROOT.resolve("profiles/../profiles/corp.profile.toml"));

    assertThat(files.reads(profile)).isEqualTo(2);
    assertThat(files.reads(ROOT.resolve("other.toml"))).isZero();
  }

  @Test
  void reads_countsFailedReadsToo() {
    Path absent = ROOT.resolve("absent.toml");

    org.assertj.core.api.Assertions.catchThrowable(() -> files.read(absent));

    assertThat(files.reads(absent)).isEqualTo(1);
  }
}

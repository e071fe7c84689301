package dev.capsem.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capsem.core.ports.FileAccess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * What every {@link FileAccess} must do for the use cases that read profiles and write reports,
 * catalogs and release profiles (STYLE rule 11): read back what was written, byte for byte; make
 * missing folders; replace a file so that no reader ever sees part of it and a failed write leaves
 * the old file and no temporary file behind; tell files from folders.
 */
public abstract class FileAccessContract {

  /** The implementation under test. */
  protected abstract FileAccess files();

  /** An existing, empty folder the test may fill. */
  protected abstract Path folder();

  /** Every file and folder below {@code folder}, at any depth: to find leftovers. */
  protected abstract Set<Path> everythingUnder(Path folder) throws IOException;

  @Test
  void read_afterWrite_givesTheBytesWritten() throws IOException {
    byte[] content = new byte[70_000];
    for (int i = 0; i < content.length; i++) {
      content[i] = (byte) (i * 31 + 7);
    }
    Path file = folder().resolve("data.bin");

    files().write(file, content);

    assertThat(files().read(file)).isEqualTo(content);
  }

  @Test
  void readText_afterWriteText_givesTheTextAsUtf8() throws IOException {
    String text = "name = \"caf\u00e9 \u2713\"\n";
    Path file = folder().resolve("profile.toml");

    files().writeText(file, text);

    assertThat(files().readText(file)).isEqualTo(text);
    assertThat(files().read(file)).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void write_emptyContent_makesAnEmptyFile() throws IOException {
    Path file = folder().resolve("empty.json");

    files().write(file, new byte[0]);

    assertThat(files().isFile(file)).isTrue();
    assertThat(files().read(file)).isEmpty();
  }

  @Test
  void write_overALongerFile_leavesNothingOfTheOldContent() throws IOException {
    Path file = folder().resolve("catalog.json");
    files().writeText(file, "a much longer first version of the catalog\n");

    files().writeText(file, "short\n");

    assertThat(files().readText(file)).isEqualTo("short\n");
  }

  @Test
  void write_intoMissingFolders_makesThem() throws IOException {
    Path file = folder().resolve("target/capsem/release/x86_64/release.toml");

    files().writeText(file, "id = \"corp\"\n");

    assertThat(files().isDirectory(folder().resolve("target/capsem/release/x86_64"))).isTrue();
    assertThat(files().isDirectory(folder().resolve("target"))).isTrue();
    assertThat(files().readText(file)).isEqualTo("id = \"corp\"\n");
  }

  @Test
  void write_succeeds_leavesOnlyTheFile() throws IOException {
    Path file = folder().resolve("reports/report.json");

    files().writeText(file, "{}\n");
    files().writeText(file, "{\"ok\": true}\n");

    assertThat(everythingUnder(folder()))
        .containsExactlyInAnyOrder(folder().resolve("reports"), file);
  }

  @Test
  void write_fails_leavesWhatWasThereAndNoTemporaryFile() throws IOException {
    // A non-empty folder where the file should go: no file system replaces it with a file.
    Path inner = folder().resolve("taken/inner.txt");
    files().writeText(inner, "keep me\n");
    Set<Path> before = everythingUnder(folder());

    assertThatThrownBy(() -> files().writeText(folder().resolve("taken"), "new\n"))
        .isInstanceOf(IOException.class);

    assertThat(everythingUnder(folder())).isEqualTo(before);
    assertThat(files().isDirectory(folder().resolve("taken"))).isTrue();
    assertThat(files().readText(inner)).isEqualTo("keep me\n");
  }

  @Test
  void read_whileTheFileIsReplacedAgainAndAgain_seesOneWholeVersionEachTime() throws Exception {
    byte[] first = new byte[512 * 1024];
    Arrays.fill(first, (byte) 'a');
    byte[] second = new byte[384 * 1024];
    Arrays.fill(second, (byte) 'b');
    Path file = folder().resolve("replaced.bin");
    files().write(file, first);
    AtomicBoolean writing = new AtomicBoolean(true);
    CompletableFuture<List<Integer>> reader =
        CompletableFuture.supplyAsync(
            () -> {
              List<Integer> torn = new ArrayList<>();
              int reads = 0;
              while (writing.get() || reads == 0) {
                byte[] seen;
                try {
                  seen = files().read(file);
                } catch (IOException e) {
                  throw new IllegalStateException("the file vanished while being replaced", e);
                }
                reads++;
                if (!Arrays.equals(seen, first) && !Arrays.equals(seen, second)) {
                  torn.add(seen.length);
                }
              }
              return torn;
            });

    try {
      for (int i = 0; i < 200; i++) {
        files().write(file, i % 2 == 0 ? second : first);
      }
    } finally {
      writing.set(false);
    }

    assertThat(reader.get()).as("lengths of the partial versions a reader saw").isEmpty();
  }

  @Test
  void isFileAndIsDirectory_tellFilesFromFoldersFromNothing() throws IOException {
    Path file = folder().resolve("sub/file.txt");
    files().writeText(file, "x");

    assertThat(files().isFile(file)).isTrue();
    assertThat(files().isDirectory(file)).isFalse();
    assertThat(files().isDirectory(folder().resolve("sub"))).isTrue();
    assertThat(files().isFile(folder().resolve("sub"))).isFalse();
    assertThat(files().isFile(folder().resolve("nothing.txt"))).isFalse();
    assertThat(files().isDirectory(folder().resolve("nothing"))).isFalse();
    assertThat(files().isDirectory(folder())).isTrue();
  }

  @Test
  void read_missingFile_throwsNoSuchFile() {
    // Use cases word this exception as upstream's "[Errno 2] No such file or directory".
    assertThatThrownBy(() -> files().read(folder().resolve("absent.toml")))
        .isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void read_folder_fails() throws IOException {
    files().writeText(folder().resolve("dir/x.txt"), "x");

    assertThatThrownBy(() -> files().read(folder().resolve("dir"))).isInstanceOf(IOException.class);
  }
}

package dev.capsem.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capsem.core.ports.Downloader;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link Downloader} must do for the image build (kernel source tarballs, kernel.org's
 * release list), run against the fake and the real adapter (STYLE rule 11): bodies arrive whole; a
 * failed download leaves neither a partial file nor a damaged old one; every failure is an {@link
 * IOException} that names the URL, since it ends up in the user's error message.
 */
public abstract class DownloaderContract {

  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  @TempDir protected Path temp;

  /** The downloader under test. */
  protected abstract Downloader downloader();

  /** The site it downloads from. */
  protected abstract TestSite site();

  /** A URL on which nothing answers. */
  protected abstract URI unreachable() throws IOException;

  private static byte[] randomBytes(int length, long seed) {
    byte[] bytes = new byte[length];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  private List<Path> folderContents() throws IOException {
    try (Stream<Path> files = Files.list(temp)) {
      return files.toList();
    }
  }

  @Test
  void get_document_returnsItsBytes() throws IOException {
    byte[] body = randomBytes(300_000, 11);
    URI uri = site().serve("/releases.json", ServedResponse.ok(body));

    assertThat(downloader().get(uri, TIMEOUT)).isEqualTo(body);
  }

  @Test
  void get_emptyDocument_returnsNoBytes() throws IOException {
    URI uri = site().serve("/empty", ServedResponse.ok(new byte[0]));

    assertThat(downloader().get(uri, TIMEOUT)).isEmpty();
  }

  @Test
  void download_document_writesItWholeToTheTarget() throws IOException {
    byte[] body = randomBytes(5 * 1024 * 1024 + 3, 12);
    URI uri = site().serve("/linux.tar.xz", ServedResponse.ok(body));
    Path target = temp.resolve("linux.tar.xz");

    downloader().download(uri, target, TIMEOUT);

    assertThat(target).hasBinaryContent(body);
    assertThat(folderContents()).containsExactly(target);
  }

  @Test
  void download_overAnExistingFile_replacesIt() throws IOException {
    byte[] body = randomBytes(1000, 13);
    URI uri = site().serve("/replace.bin", ServedResponse.ok(body));
    Path target = Files.write(temp.resolve("replace.bin"), randomBytes(50_000, 14));

    downloader().download(uri, target, TIMEOUT);

    assertThat(target).hasBinaryContent(body);
  }

  @Test
  void get_notFound_failsNamingTheUrl() {
    URI uri = site().missing();

    assertThatThrownBy(() -> downloader().get(uri, TIMEOUT))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(uri.toString());
  }

  @Test
  void get_serverError_failsNamingTheUrl() {
    URI uri = site().serve("/broken", ServedResponse.status(500));

    assertThatThrownBy(() -> downloader().get(uri, TIMEOUT))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(uri.toString());
  }

  @Test
  void download_notFound_failsNamingTheUrlAndLeavesNoFile() throws IOException {
    URI uri = site().missing();
    Path target = temp.resolve("missing.tar.xz");

    assertThatThrownBy(() -> downloader().download(uri, target, TIMEOUT))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(uri.toString());
    assertThat(folderContents()).isEmpty();
  }

  private URI cutShort() {
    return site()
        .serve(
            "/cut.tar.xz",
            ServedResponse.ok(randomBytes(400_000, 15)).with(ServedResponse.Trouble.CUT_SHORT));
  }

  @Test
  void download_connectionClosedMidBody_leavesTheOldFileIntactAndNothingElse() throws IOException {
    URI uri = cutShort();
    byte[] old = randomBytes(1234, 16);
    Path target = Files.write(temp.resolve("cut.tar.xz"), old);

    assertThatThrownBy(() -> downloader().download(uri, target, TIMEOUT))
        .isInstanceOf(IOException.class);
    assertThat(target).hasBinaryContent(old);
    assertThat(folderContents()).containsExactly(target);
  }

  @Test
  void download_connectionClosedMidBody_failsNamingTheUrl() {
    URI uri = cutShort();

    assertThatThrownBy(() -> downloader().download(uri, temp.resolve("cut.tar.xz"), TIMEOUT))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(uri.toString());
  }

  @Test
  void download_nothingListens_leavesNoFile() throws IOException {
    URI uri = unreachable();

    assertThatThrownBy(
            () -> downloader().download(uri, temp.resolve("unreachable.tar.xz"), TIMEOUT))
        .isInstanceOf(IOException.class);
    assertThat(folderContents()).isEmpty();
  }

  @Test
  void get_nothingListens_failsNamingTheUrl() throws IOException {
    URI uri = unreachable();

    assertThatThrownBy(() -> downloader().get(uri, TIMEOUT))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(uri.toString());
  }

  @Test
  void download_nothingListens_failsNamingTheUrl() throws IOException {
    URI uri = unreachable();

    assertThatThrownBy(
            () -> downloader().download(uri, temp.resolve("unreachable.tar.xz"), TIMEOUT))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(uri.toString());
  }

  @Test
  void download_bodyStallsPastTheTimeout_failsSoonAfterItNamingTheUrlAndLeavesNoFile()
      throws IOException {
    URI uri =
        site()
            .serve(
                "/stall.tar.xz",
                ServedResponse.ok(randomBytes(10_000, 17)).with(ServedResponse.Trouble.STALLS));
    Path target = temp.resolve("stall.tar.xz");
    long start = System.nanoTime();

    assertThatThrownBy(() -> downloader().download(uri, target, Duration.ofMillis(700)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(uri.toString());
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    assertThat(folderContents()).isEmpty();
  }
}

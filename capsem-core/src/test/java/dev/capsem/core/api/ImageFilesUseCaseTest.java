package dev.capsem.core.api;

import static dev.capsem.core.testing.TarStream.directory;
import static dev.capsem.core.testing.TarStream.file;
import static dev.capsem.core.testing.TarStream.symlink;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.TextReport;
import dev.capsem.core.internal.image.rootfs.Rootfs;
import dev.capsem.core.internal.squashfs.SquashfsWriter;
import dev.capsem.core.ports.SquashfsCodec;
import dev.capsem.core.testing.FixedPorts;
import dev.capsem.core.testing.ReferenceBlake3;
import dev.capsem.core.testing.TarStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code image ls} and {@code image cat} through the public API, on the ports' codecs. */
class ImageFilesUseCaseTest {

  @TempDir Path temp;

  private GivenPath image;
  private ImageUseCases images;

  @BeforeEach
  void image() throws Exception {
    Path file = temp.resolve("rootfs.squashfs");
    byte[] tar =
        new TarStream()
            .add(directory("etc"))
            .add(file("etc/os-release", "ID=debian\n"))
            .add(symlink("etc/release", "os-release"))
            .bytes();
    Rootfs.with(List.of(SquashfsCodec.gzip(9)), new ReferenceBlake3())
        .write(
            new ByteArrayInputStream(tar),
            file,
            new SquashfsWriter.Settings(SquashfsCodec.gzip(9), 65536, 1_779_364_800L, 1));
    image = new GivenPath(file, "assets/x86_64/rootfs.squashfs");
    images =
        Capsem.with(FixedPorts.create().withSquashfsCodecs(List.of(SquashfsCodec.gzip(9))))
            .images();
  }

  @Test
  void ls_wholeImage_listsEveryEntryAsUnsquashfsLlnDoes() {
    Outcome<TextReport> listed = images.ls(new ImageLsRequest(image, ""));

    assertThat(listed.ok()).isTrue();
    assertThat(listed.value().text())
        .as("unsquashfs -lln of this image, run once by hand with TZ=UTC")
        .isEqualTo(
            "drwxr-xr-x 0/0                      26 2026-05-21 12:00 squashfs-root\n"
                + "drwxr-xr-x 0/0                      48 2026-05-21 12:00 squashfs-root/etc\n"
                + "-rw-r--r-- 0/0                      10 2026-05-21 12:00"
                + " squashfs-root/etc/os-release\n"
                + "lrwxrwxrwx 0/0                      10 2026-05-21 12:00"
                + " squashfs-root/etc/release -> os-release\n");
    assertThat(listed.value().json())
        .contains("\"schema\": \"capsem.image-ls.v1\"")
        .contains("\"path\": \"/\"")
        .contains("squashfs-root/etc/release -> os-release");
  }

  @Test
  void ls_pathNotInTheImage_isE534() {
    Outcome<TextReport> listed = images.ls(new ImageLsRequest(image, "/nope"));

    assertThat(listed.ok()).isFalse();
    assertThat(listed.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo(Code.E534);
              assertThat(d.file()).isEqualTo("assets/x86_64/rootfs.squashfs");
            });
  }

  @Test
  void cat_symlinkToAFile_streamsTheTargetsBytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    Outcome<TextReport> read = images.cat(new ImageCatRequest(image, "/etc/release", null), out);

    assertThat(read.ok()).isTrue();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("ID=debian\n");
    assertThat(read.value().text()).isEmpty();
    assertThat(read.value().json()).contains("\"size\": 10");
  }

  @Test
  void cat_toAFile_writesItAndLeavesNoTemporaryFile() throws Exception {
    Path target = temp.resolve("out/os-release");

    Outcome<TextReport> read =
        images.cat(
            new ImageCatRequest(image, "etc/os-release", new GivenPath(target, "out/os-release")),
            OutputStreamThatFails.INSTANCE);

    assertThat(read.ok()).isTrue();
    assertThat(target).hasContent("ID=debian");
    assertThat(read.value().summary())
        .containsExactly("wrote /etc/os-release (10 bytes) to out/os-release");
    try (var listing = Files.list(target.getParent())) {
      assertThat(listing).containsExactly(target);
    }
  }

  @Test
  void cat_directory_isE534AndWritesNoFile() {
    Path target = temp.resolve("etc.out");

    Outcome<TextReport> read =
        images.cat(
            new ImageCatRequest(image, "/etc", new GivenPath(target, "etc.out")),
            OutputStreamThatFails.INSTANCE);

    assertThat(read.ok()).isFalse();
    assertThat(read.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo(Code.E534);
              assertThat(d.message()).isEqualTo("not a regular file: /etc (a directory)");
            });
    assertThat(target).doesNotExist();
    assertThat(temp.toFile().list()).containsExactly("rootfs.squashfs");
  }

  @Test
  void ls_portsWithoutCodecs_saysWhichAdapterIsMissing() {
    ImageUseCases bare = Capsem.with(FixedPorts.create()).images();

    assertThatThrownBy(() -> bare.ls(new ImageLsRequest(image, "")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no SquashfsCodec adapter was given to Ports");
  }

  /** Where nothing may be written: the request names a file. */
  private static final class OutputStreamThatFails extends java.io.OutputStream {
    static final OutputStreamThatFails INSTANCE = new OutputStreamThatFails();

    @Override
    public void write(int b) {
      throw new AssertionError("the file was requested, not the stream");
    }
  }
}

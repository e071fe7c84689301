package dev.capsem.docker.compression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.internal.squashfs.SquashfsWriter;
import dev.capsem.core.ports.Hasher;
import dev.capsem.signing.Blake3;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer against the real squashfs-tools: from the same tar stream (GNU tar of a tree with
 * every node kind), {@code unsquashfs -lln} shows the same tree for our image as for {@code
 * mksquashfs -tar}'s, {@code unsquashfs -d} extracts the tree's bytes, and the image is the same
 * bytes every time.
 */
class SquashfsWriterRealToolsTest {

  static final long EPOCH = 1_779_364_800L;

  @TempDir static Path temp;

  private static Path tar;
  private static Path tree;

  @BeforeAll
  static void tarOfSampleTree() throws Exception {
    RealTools.require("mksquashfs", "squashfs-tools");
    RealTools.require("unsquashfs", "squashfs-tools");
    tree = SampleTree.create(temp.resolve("tree"));
    // As root, real device nodes too (a tar of them needs no privilege to read).
    Path special = tree.resolve("special");
    RealTools.attempt(List.of("mknod", special.resolve("null").toString(), "c", "1", "3"));
    RealTools.attempt(List.of("mknod", special.resolve("loop0").toString(), "b", "7", "0"));
    RealTools.attempt(List.of("mknod", special.resolve("big").toString(), "c", "4", "300"));
    tar = temp.resolve("tree.tar");
    RealTools.run(
        List.of(
            "tar",
            "--format=pax",
            "--xattrs",
            "--xattrs-include=*",
            "--numeric-owner",
            "--sort=name",
            "-C",
            tree.toString(),
            "-cf",
            tar.toString(),
            "."));
  }

  static Path ours(Path tar, String name) throws IOException {
    Path image = temp.resolve(name);
    try (InputStream in = Files.newInputStream(tar);
        FileChannel out =
            FileChannel.open(
                image,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
      SquashfsWriter.write(
          in, out, new SquashfsWriter.Settings(SquashfsCodecs.zstd(15), 65536, EPOCH, 2));
    }
    return image;
  }

  static Path mksquashfsTar(Path tar, String name, String rootMode)
      throws IOException, InterruptedException {
    Path image = temp.resolve(name);
    RealTools.run(
        List.of(
            "mksquashfs",
            "-",
            image.toString(),
            "-tar",
            "-comp",
            "zstd",
            "-Xcompression-level",
            "15",
            "-b",
            "64K",
            "-noappend",
            "-no-progress",
            "-quiet",
            "-root-mode",
            rootMode,
            "-mkfs-time",
            Long.toString(EPOCH),
            "-all-time",
            Long.toString(EPOCH)),
        tar);
    return image;
  }

  static String lln(Path image) throws IOException, InterruptedException {
    return new String(
        RealTools.run(List.of("unsquashfs", "-UTC", "-lln", image.toString())),
        StandardCharsets.UTF_8);
  }

  private static String octalMode(Path dir) throws IOException {
    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(dir);
    int mode = 0;
    for (PosixFilePermission p : permissions) {
      mode |= 1 << (8 - p.ordinal());
    }
    return Integer.toOctalString(mode);
  }

  @Test
  void write_gnuTarOfEveryNodeKind_unsquashfsListsTheTreeMksquashfsTarMakes() throws Exception {
    Path ours = ours(tar, "ours.squashfs");
    Path theirs = mksquashfsTar(tar, "theirs.squashfs", octalMode(tree));

    String expected = lln(theirs);
    String actual = lln(ours);

    assertThat(actual).isEqualTo(expected);
    assertThat(actual).contains("squashfs-root/many/entry-02999").contains("-> t");
  }

  @Test
  void write_sameTarTwice_givesTheSameBytes() throws Exception {
    Path first = ours(tar, "first.squashfs");
    Path second = ours(tar, "second.squashfs");

    assertThat(Files.mismatch(first, second)).isEqualTo(-1L);
    assertThat(Files.size(first) % 4096).isZero();
  }

  @Test
  void write_unsquashfsExtracts_theTreesBytes() throws Exception {
    Path image = ours(tar, "extract.squashfs");
    Path extracted = temp.resolve("extracted");
    RealTools.run(
        List.of("unsquashfs", "-no-xattrs", "-d", extracted.toString(), image.toString()));

    assertThat(blake3OfFiles(extracted)).isEqualTo(blake3OfFiles(tree)).isNotEmpty();
  }

  private static Map<String, String> blake3OfFiles(Path root) throws IOException {
    Hasher hasher = Blake3.hasher();
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file :
          walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
        out.put(root.relativize(file).toString(), hasher.hexOfFile(file));
      }
    }
    return out;
  }

  @Test
  void write_superblock_saysZstd64KiBAndTheEpoch() throws Exception {
    Path image = ours(tar, "stat.squashfs");

    String stat =
        new String(
            RealTools.run(List.of("unsquashfs", "-s", "-UTC", image.toString())),
            StandardCharsets.UTF_8);
    String mkfsTime =
        new String(
                RealTools.run(List.of("unsquashfs", "-mkfs-time", image.toString())),
                StandardCharsets.UTF_8)
            .strip();

    assertThat(stat)
        .contains("Compression zstd")
        .contains("Block size 65536")
        .contains("Duplicates are removed")
        .contains("Always-use-fragments option is specified")
        .contains("Filesystem is not exportable via NFS");
    assertThat(mkfsTime).isEqualTo(Long.toString(EPOCH));
  }
}

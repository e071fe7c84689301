package dev.capsem.core.internal.squashfs;

import static dev.capsem.core.testing.TarStream.directory;
import static dev.capsem.core.testing.TarStream.file;
import static dev.capsem.core.testing.TarStream.hardLink;
import static dev.capsem.core.testing.TarStream.member;
import static dev.capsem.core.testing.TarStream.symlink;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.tar.Xattr;
import dev.capsem.core.ports.SquashfsCodec;
import dev.capsem.core.testing.TarStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SquashfsWriterTest {

  @TempDir Path temp;

  private static byte[] random(int size, long seed) {
    byte[] out = new byte[size];
    new Random(seed).nextBytes(out);
    return out;
  }

  private static byte[] text(int size) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; s.length() < size; i++) {
      s.append("line ").append(i).append(" of some text\n");
    }
    return Arrays.copyOf(s.toString().getBytes(StandardCharsets.US_ASCII), size);
  }

  private static byte[] content(SquashfsImage image, String path) throws IOException {
    Inode.File file = (Inode.File) image.lookup(path).orElseThrow();
    try (InputStream in = image.open(file)) {
      return in.readAllBytes();
    }
  }

  private static final int[] SIZES = {0, 1, 4095, 65535, 65536, 65537, 131072, 200_003};

  private static TarStream everyKind() {
    TarStream tar = new TarStream().add(directory("./").withMode(0755));
    tar.add(directory("./etc/").withMode(0750).withOwner(0, 42));
    for (int size : SIZES) {
      tar.add(file("./data/random-" + size, random(size, size)).withOwner(1000, 1000));
      tar.add(file("./data/text-" + size, text(size)).withMode(0600));
    }
    byte[] holes = new byte[3 * 65536 + 100];
    System.arraycopy(random(100, 9), 0, holes, 65536, 100);
    tar.add(file("./data/holes", holes));
    tar.add(file("./usr/bin/tool", random(70_000, 1)).withMode(04755));
    tar.add(hardLink("./usr/bin/tool-link", "./usr/bin/tool"));
    tar.add(hardLink("./etc/tool-too", "usr/bin/tool"));
    tar.add(symlink("./usr/bin/sh", "dash"));
    tar.add(symlink("./usr/long", "x".repeat(4000)));
    tar.add(member("./dev/null", '3').withMode(0666).withDevice(1, 3));
    tar.add(member("./dev/big", '4').withMode(0660).withDevice(259, 70000));
    tar.add(member("./run/fifo", '6').withMode(0600));
    tar.add(
        file("./usr/bin/ping", "elf")
            .withXattr("security.capability", new byte[] {1, 0, 0, 2, 0, 0x20})
            .withXattr("user.note", "hi".getBytes(StandardCharsets.UTF_8)));
    tar.add(directory("./tagged/").withXattr("user.note", "hi".getBytes(StandardCharsets.UTF_8)));
    tar.add(file("./implicit/parents/here", "x"));
    return tar;
  }

  @Test
  void write_everyMemberKind_readsBackWithItsAttributesAndBytes() throws IOException {
    byte[] image = Images.write(everyKind().bytes(), SquashfsCodec.gzip(9), 2, temp);

    SquashfsImage squashfs = Images.open(image);

    for (int size : SIZES) {
      assertThat(content(squashfs, "data/random-" + size)).isEqualTo(random(size, size));
      assertThat(content(squashfs, "data/text-" + size)).isEqualTo(text(size));
    }
    Inode.File holes = (Inode.File) squashfs.lookup("data/holes").orElseThrow();
    assertThat(holes.sparse()).isEqualTo(2 * 65536);
    assertThat(holes.attributes().type()).isEqualTo(Format.FILE + Format.EXTENDED);
    byte[] expectedHoles = new byte[3 * 65536 + 100];
    System.arraycopy(random(100, 9), 0, expectedHoles, 65536, 100);
    assertThat(content(squashfs, "data/holes")).isEqualTo(expectedHoles);

    Inode.File tool = (Inode.File) squashfs.lookup("usr/bin/tool").orElseThrow();
    assertThat(tool.attributes().links()).isEqualTo(3);
    assertThat(tool.mode()).isEqualTo(0104755);
    assertThat(squashfs.lookup("etc/tool-too").orElseThrow().attributes().number())
        .isEqualTo(tool.attributes().number());
    Inode.Directory etc = (Inode.Directory) squashfs.lookup("etc").orElseThrow();
    assertThat(etc.mode()).isEqualTo(040750);
    assertThat(etc.attributes().gid()).isEqualTo(42);
    assertThat(((Inode.Symlink) squashfs.lookup("usr/bin/sh").orElseThrow()).target())
        .isEqualTo("dash");
    assertThat(((Inode.Symlink) squashfs.lookup("usr/long").orElseThrow()).target()).hasSize(4000);
    Inode.Device big = (Inode.Device) squashfs.lookup("dev/big").orElseThrow();
    assertThat(big.mode()).isEqualTo(060660);
    assertThat(big.major()).isEqualTo(259);
    assertThat(big.minor()).isEqualTo(70000);
    assertThat(squashfs.lookup("run/fifo").orElseThrow().mode()).isEqualTo(010600);
    assertThat(squashfs.xattrs(squashfs.lookup("usr/bin/ping").orElseThrow()))
        .containsExactly(
            new Xattr("security.capability", new byte[] {1, 0, 0, 2, 0, 0x20}),
            new Xattr("user.note", "hi".getBytes(StandardCharsets.UTF_8)));
    assertThat(squashfs.lookup("tagged").orElseThrow().attributes().type())
        .isEqualTo(Format.DIRECTORY + Format.EXTENDED);
    Inode.Directory implicit = (Inode.Directory) squashfs.lookup("implicit/parents").orElseThrow();
    assertThat(implicit.mode()).isEqualTo(040755);
    assertThat(implicit.attributes().uid()).isZero();
    assertThat(squashfs.lookup("data/random-1").orElseThrow().attributes().uid()).isEqualTo(1000);
    assertThat(squashfs.mkfsTime()).isEqualTo(Images.EPOCH);
    squashfs.walk(
        "",
        squashfs.root(),
        (path, inode) -> {
          assertThat(inode.attributes().mtime()).as(path).isEqualTo(Images.EPOCH);
          return true;
        });
  }

  @Test
  void write_sameStream_givesTheSameBytesWhateverTheThreads() throws IOException {
    byte[] tar = everyKind().bytes();

    byte[] one = Images.write(tar, SquashfsCodec.gzip(9), 1, temp);
    byte[] three = Images.write(tar, SquashfsCodec.gzip(9), 3, temp);
    byte[] again = Images.write(tar, SquashfsCodec.gzip(9), 3, temp);

    assertThat(three).isEqualTo(one);
    assertThat(again).isEqualTo(one);
  }

  @Test
  void write_duplicateBlocksAndTails_areStoredOnce() throws IOException {
    byte[] shared = random(200_000, 5);
    byte[] tar =
        new TarStream()
            .add(file("a", shared))
            .add(file("b", shared))
            .add(file("c", Arrays.copyOf(shared, 1000)))
            .add(file("d", Arrays.copyOf(shared, 1000)))
            .bytes();
    byte[] distinct =
        new TarStream()
            .add(file("a", shared))
            .add(file("b", random(200_000, 6)))
            .add(file("c", Arrays.copyOf(shared, 1000)))
            .add(file("d", random(1000, 7)))
            .bytes();

    byte[] image = Images.write(tar, SquashfsCodec.gzip(9), 2, temp);
    byte[] bigger = Images.write(distinct, SquashfsCodec.gzip(9), 2, temp);

    SquashfsImage squashfs = Images.open(image);
    Inode.File a = (Inode.File) squashfs.lookup("a").orElseThrow();
    Inode.File b = (Inode.File) squashfs.lookup("b").orElseThrow();
    Inode.File c = (Inode.File) squashfs.lookup("c").orElseThrow();
    Inode.File d = (Inode.File) squashfs.lookup("d").orElseThrow();
    assertThat(b.blocksStart()).isEqualTo(a.blocksStart());
    assertThat(b.fragment()).isEqualTo(a.fragment());
    assertThat(b.fragmentOffset()).isEqualTo(a.fragmentOffset());
    assertThat(d.fragmentOffset()).isEqualTo(c.fragmentOffset());
    assertThat(content(squashfs, "b")).isEqualTo(shared);
    assertThat(bigger.length - image.length).isGreaterThan(190_000);
  }

  @Test
  void write_thousandsOfNames_indexesTheListingAndFindsEveryName() throws IOException {
    TarStream tar = new TarStream();
    for (int i = 0; i < 3000; i++) {
      tar.add(file(String.format("many/entry-%05d-%s", i, "n".repeat(40)), "e" + i));
    }

    SquashfsImage squashfs = Images.open(Images.write(tar.bytes(), SquashfsCodec.gzip(9), 2, temp));

    Inode.Directory many = (Inode.Directory) squashfs.lookup("many").orElseThrow();
    assertThat(many.indexCount()).isGreaterThan(10);
    assertThat(many.size()).isGreaterThan(8192);
    assertThat(squashfs.entries(many)).hasSize(3000);
    for (int i = 0; i < 3000; i += 7) {
      assertThat(content(squashfs, String.format("many/entry-%05d-%s", i, "n".repeat(40))))
          .isEqualTo(("e" + i).getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void write_xattrSquashfsCannotStore_warnsW530AndKeepsTheRest() throws IOException {
    byte[] tar =
        new TarStream()
            .add(
                file("f", "x")
                    .withXattr("system.posix_acl_access", new byte[] {2, 0, 0, 0})
                    .withXattr("user.kept", new byte[] {1}))
            .bytes();

    Images.Written written =
        Images.write(tar, new SquashfsWriter.Settings(SquashfsCodec.gzip(9), 65536, 0, 1), temp);

    assertThat(written.result().warnings())
        .extracting(Diagnostic::code, Diagnostic::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                Code.W530,
                "f: extended attribute system.posix_acl_access dropped (squashfs stores user.,"
                    + " trusted. and security. ones only)"));
    SquashfsImage squashfs = Images.open(written.bytes());
    assertThat(squashfs.xattrs(squashfs.lookup("f").orElseThrow()))
        .extracting(Xattr::name)
        .containsExactly("user.kept");
  }

  @Test
  void write_laterMemberOfTheSamePath_replacesTheEarlierOne() throws IOException {
    byte[] tar =
        new TarStream().add(file("f", "first")).add(file("f", "second").withMode(0600)).bytes();

    SquashfsImage squashfs = Images.open(Images.write(tar, SquashfsCodec.gzip(9), 1, temp));

    assertThat(new String(content(squashfs, "f"), StandardCharsets.UTF_8)).isEqualTo("second");
    assertThat(squashfs.entries(squashfs.root())).hasSize(1);
  }

  @Test
  void write_codecOptions_areStoredAfterTheSuperblock() throws IOException {
    byte[] tar = new TarStream().add(file("f", text(100_000))).bytes();

    byte[] image = Images.write(tar, SquashfsCodec.gzip(6), 1, temp);

    assertThat(Images.little(image).getShort(24) & Format.FLAG_COMPRESSOR_OPTIONS).isNotZero();
    assertThat(content(Images.open(image), "f")).isEqualTo(text(100_000));
  }

  @Test
  void write_pathWithDotDot_failsE536() {
    byte[] tar = new TarStream().add(file("a/../../etc/passwd", "x")).bytes();

    assertThatThrownBy(() -> Images.write(tar, SquashfsCodec.gzip(9), 1, temp))
        .isInstanceOfSatisfying(
            SquashfsException.class, e -> assertThat(e.code()).isEqualTo(Code.E536))
        .hasMessage("tar member a/../../etc/passwd: '..' in a path would leave the root");
  }

  @Test
  void write_hardLinkToNothing_failsE536() {
    byte[] tar = new TarStream().add(hardLink("b", "a")).bytes();

    assertThatThrownBy(() -> Images.write(tar, SquashfsCodec.gzip(9), 1, temp))
        .isInstanceOfSatisfying(
            SquashfsException.class, e -> assertThat(e.code()).isEqualTo(Code.E536))
        .hasMessage("tar member b: hard link to a, which the stream has not named before");
  }

  @Test
  void write_gnuSparseMember_failsE536() {
    byte[] tar = new TarStream().add(member("sparse", 'S').withData(new byte[10])).bytes();

    assertThatThrownBy(() -> Images.write(tar, SquashfsCodec.gzip(9), 1, temp))
        .isInstanceOfSatisfying(
            SquashfsException.class, e -> assertThat(e.code()).isEqualTo(Code.E536))
        .hasMessageContaining("GNU sparse file");
  }

  @Test
  void write_fileUnderAFile_failsE536() {
    byte[] tar = new TarStream().add(file("a", "x")).add(file("a/b", "y")).bytes();

    assertThatThrownBy(() -> Images.write(tar, SquashfsCodec.gzip(9), 1, temp))
        .isInstanceOfSatisfying(
            SquashfsException.class, e -> assertThat(e.code()).isEqualTo(Code.E536))
        .hasMessage("tar member a/b: a parent, a, is not a directory");
  }

  @Test
  void write_nameLongerThan256Bytes_failsE536() {
    byte[] tar = new TarStream().add(file("d/" + "n".repeat(257), "x")).bytes();

    assertThatThrownBy(() -> Images.write(tar, SquashfsCodec.gzip(9), 1, temp))
        .isInstanceOfSatisfying(
            SquashfsException.class, e -> assertThat(e.code()).isEqualTo(Code.E536));
  }

  @Test
  void write_damagedOrTruncatedStream_failsE535() {
    byte[] tar = new TarStream().add(file("a", random(100_000, 3))).bytes();
    byte[] damaged = tar.clone();
    damaged[0] ^= 1;
    byte[] truncated = Arrays.copyOf(tar, 512 + 70_000);

    assertThatThrownBy(() -> Images.write(damaged, SquashfsCodec.gzip(9), 1, temp))
        .isInstanceOfSatisfying(
            SquashfsException.class, e -> assertThat(e.code()).isEqualTo(Code.E535))
        .hasMessage("tar stream is damaged: not a tar archive");
    assertThatThrownBy(() -> Images.write(truncated, SquashfsCodec.gzip(9), 1, temp))
        .isInstanceOfSatisfying(
            SquashfsException.class, e -> assertThat(e.code()).isEqualTo(Code.E535));
  }

  @Test
  void write_emptyStream_givesAnEmptyRoot() throws IOException {
    SquashfsImage squashfs =
        Images.open(Images.write(new TarStream().bytes(), SquashfsCodec.gzip(9), 1, temp));

    assertThat(squashfs.entries(squashfs.root())).isEmpty();
    assertThat(squashfs.inodeCount()).isEqualTo(1);
    assertThat(squashfs.root().mode()).isEqualTo(040755);
  }

  @Test
  void listing_ofWrittenImage_showsEveryPathInSortedOrder() throws IOException {
    byte[] tar =
        new TarStream()
            .add(file("b", "1"))
            .add(file("a/z", "2"))
            .add(symlink("a/l", "z"))
            .add(member("a/dev", '3').withDevice(4, 300))
            .bytes();
    SquashfsImage squashfs = Images.open(Images.write(tar, SquashfsCodec.gzip(9), 1, temp));
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

    new Listing(squashfs, Listing.Style.LONG_NUMERIC, Listing.Names.numeric()).write("", out);

    // unsquashfs's columns: the size right-aligned in 25 - len(uid) - len(gid) characters; a
    // device shows (int) rdev >> 8 and rdev & 0xff, so minor 300 (rdev 0x10042c) shows 4100, 44.
    // Listing sizes: a 12-byte header plus 8 bytes and the name per entry, plus 3.
    String time = " 2026-05-21 12:00 squashfs-root";
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "drwxr-xr-x 0/0 "
                + " ".repeat(21)
                + "33"
                + time
                + "\n"
                + "drwxr-xr-x 0/0 "
                + " ".repeat(21)
                + "44"
                + time
                + "/a\n"
                + "crw-r--r-- 0/0 "
                + " ".repeat(16)
                + "4100, 44"
                + time
                + "/a/dev\n"
                + "lrwxrwxrwx 0/0 "
                + " ".repeat(22)
                + "1"
                + time
                + "/a/l -> z\n"
                + "-rw-r--r-- 0/0 "
                + " ".repeat(22)
                + "1"
                + time
                + "/a/z\n"
                + "-rw-r--r-- 0/0 "
                + " ".repeat(22)
                + "1"
                + time
                + "/b\n");
  }
}

package dev.capsem.core.internal.tar;

import static dev.capsem.core.testing.TarStream.directory;
import static dev.capsem.core.testing.TarStream.file;
import static dev.capsem.core.testing.TarStream.hardLink;
import static dev.capsem.core.testing.TarStream.member;
import static dev.capsem.core.testing.TarStream.symlink;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capsem.core.testing.TarStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TarReaderTest {

  private static List<TarEntry> entries(byte[] tar) throws IOException {
    TarReader reader = new TarReader(new ByteArrayInputStream(tar));
    List<TarEntry> out = new ArrayList<>();
    for (TarEntry e = reader.next(); e != null; e = reader.next()) {
      out.add(e);
    }
    return out;
  }

  @Test
  void next_everyMemberKind_givesTypeOwnerModeTimeAndLink() throws IOException {
    byte[] tar =
        new TarStream()
            .add(directory("etc/").withMode(0750).withOwner(0, 4).withTime(1234))
            .add(file("etc/hosts", "127.0.0.1 localhost\n").withOwner(1000, 1001))
            .add(symlink("etc/localtime", "/usr/share/zoneinfo/UTC"))
            .add(hardLink("etc/hosts.bak", "etc/hosts"))
            .add(member("dev/null", '3').withMode(0666).withDevice(1, 3))
            .add(member("dev/loop0", '4').withMode(0660).withDevice(7, 300))
            .add(member("run/fifo", '6').withMode(0600))
            .add(file("usr/bin/su", "x").withMode(04755))
            .bytes();

    List<TarEntry> entries = entries(tar);

    assertThat(entries)
        .extracting(TarEntry::path, TarEntry::kind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("etc", TarEntry.Kind.DIRECTORY),
            org.assertj.core.groups.Tuple.tuple("etc/hosts", TarEntry.Kind.FILE),
            org.assertj.core.groups.Tuple.tuple("etc/localtime", TarEntry.Kind.SYMLINK),
            org.assertj.core.groups.Tuple.tuple("etc/hosts.bak", TarEntry.Kind.HARD_LINK),
            org.assertj.core.groups.Tuple.tuple("dev/null", TarEntry.Kind.CHARACTER_DEVICE),
            org.assertj.core.groups.Tuple.tuple("dev/loop0", TarEntry.Kind.BLOCK_DEVICE),
            org.assertj.core.groups.Tuple.tuple("run/fifo", TarEntry.Kind.FIFO),
            org.assertj.core.groups.Tuple.tuple("usr/bin/su", TarEntry.Kind.FILE));
    assertThat(entries.get(0).mode()).isEqualTo(0750);
    assertThat(entries.get(0).gid()).isEqualTo(4);
    assertThat(entries.get(0).mtime()).isEqualTo(1234);
    assertThat(entries.get(1).uid()).isEqualTo(1000);
    assertThat(entries.get(1).gid()).isEqualTo(1001);
    assertThat(entries.get(1).size()).isEqualTo(20);
    assertThat(entries.get(2).linkName()).isEqualTo("/usr/share/zoneinfo/UTC");
    assertThat(entries.get(3).linkName()).isEqualTo("etc/hosts");
    assertThat(entries.get(4).devMajor()).isEqualTo(1);
    assertThat(entries.get(4).devMinor()).isEqualTo(3);
    assertThat(entries.get(5).devMinor()).isEqualTo(300);
    assertThat(entries.get(7).mode()).isEqualTo(04755);
  }

  @Test
  void content_readsEachMembersBytes_andNextSkipsWhatIsLeft() throws IOException {
    byte[] big = new byte[5000];
    Arrays.fill(big, (byte) 7);
    byte[] tar =
        new TarStream().add(file("a", big)).add(file("b", "second")).add(file("c", "")).bytes();
    TarReader reader = new TarReader(new ByteArrayInputStream(tar));

    TarEntry a = reader.next();
    byte[] start = reader.content().readNBytes(10);
    TarEntry b = reader.next();
    byte[] second = reader.content().readAllBytes();
    TarEntry c = reader.next();
    byte[] empty = reader.content().readAllBytes();

    assertThat(a.size()).isEqualTo(5000);
    assertThat(start).containsOnly(7);
    assertThat(b.path()).isEqualTo("b");
    assertThat(new String(second, StandardCharsets.UTF_8)).isEqualTo("second");
    assertThat(c.path()).isEqualTo("c");
    assertThat(empty).isEmpty();
    assertThat(reader.next()).isNull();
  }

  @Test
  void next_paxRecords_overrideTheHeader() throws IOException {
    String longPath = "usr/lib/" + "x".repeat(200) + "/file";
    String longTarget = "../" + "y".repeat(150);
    byte[] tar =
        new TarStream()
            .add(file(longPath, "data"))
            .add(symlink("link", longTarget))
            .add(
                file("big-ids", "")
                    .withPax("uid", "3000000000".getBytes(StandardCharsets.US_ASCII))
                    .withPax("gid", "42".getBytes(StandardCharsets.US_ASCII))
                    .withPax("mtime", "1700000000.123456789".getBytes(StandardCharsets.US_ASCII)))
            .bytes();

    List<TarEntry> entries = entries(tar);

    assertThat(entries.get(0).path()).isEqualTo(longPath);
    assertThat(entries.get(1).linkName()).isEqualTo(longTarget);
    assertThat(entries.get(2).uid()).isEqualTo(3_000_000_000L);
    assertThat(entries.get(2).gid()).isEqualTo(42);
    assertThat(entries.get(2).mtime()).isEqualTo(1_700_000_000L);
  }

  @Test
  void next_schilyXattrs_keepBinaryValuesAndOrder() throws IOException {
    byte[] capability = {1, 0, 0, 2, 0, 0x20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    byte[] withNewline = "a\nb=c".getBytes(StandardCharsets.UTF_8);
    byte[] tar =
        new TarStream()
            .add(
                file("usr/bin/ping", "elf")
                    .withXattr("security.capability", capability)
                    .withXattr("user.note", withNewline))
            .bytes();

    TarEntry ping = entries(tar).get(0);

    assertThat(ping.xattrs())
        .containsExactly(
            new Xattr("security.capability", capability), new Xattr("user.note", withNewline));
  }

  @Test
  void next_gnuLongNamesAndBase256_areRead() throws IOException {
    String longPath = "opt/" + "n".repeat(150);
    String longLink = "opt/" + "t".repeat(140);
    byte[] tar =
        new TarStream()
            .add(
                file(longPath, "x")
                    .withGnuLongNames()
                    .withOwner(2_000_000_000_000L, 0)
                    .withBase256Uid())
            .add(hardLink("opt/h", longLink).withGnuLongNames())
            .bytes();

    List<TarEntry> entries = entries(tar);

    assertThat(entries.get(0).path()).isEqualTo(longPath);
    assertThat(entries.get(0).uid()).isEqualTo(2_000_000_000_000L);
    assertThat(entries.get(1).linkName()).isEqualTo(longLink);
  }

  @Test
  void next_globalPaxHeader_appliesToEveryMember() throws IOException {
    byte[] tar =
        new TarStream().global("uid", "77").add(file("a", "1")).add(file("b", "2")).bytes();

    assertThat(entries(tar)).extracting(TarEntry::uid).containsExactly(77L, 77L);
  }

  @Test
  void next_nonUtf8NameBytes_surviveAsByteString() throws IOException {
    String latin1 = "caf\u00e9"; // one byte 0xE9, not UTF-8
    byte[] tar = new TarStream().add(file(latin1, "x")).bytes();

    assertThat(entries(tar).get(0).path().getBytes(StandardCharsets.ISO_8859_1))
        .containsExactly('c', 'a', 'f', 0xe9);
  }

  @Test
  void next_damagedHeader_failsNamingIt() {
    byte[] tar = new TarStream().add(file("a", "1")).add(file("b", "2")).bytes();
    byte[] firstBroken = tar.clone();
    firstBroken[10] ^= 1;
    byte[] secondBroken = tar.clone();
    secondBroken[1024 + 10] ^= 1;

    assertThatThrownBy(() -> entries(firstBroken))
        .isInstanceOf(TarFormatException.class)
        .hasMessage("not a tar archive");
    assertThatThrownBy(() -> entries(secondBroken))
        .isInstanceOf(TarFormatException.class)
        .hasMessage("invalid tar header");
  }

  @Test
  void content_truncatedStream_failsWithEndOfData() throws IOException {
    byte[] tar = new TarStream().add(file("a", new byte[3000])).bytes();
    TarReader reader = new TarReader(new ByteArrayInputStream(Arrays.copyOf(tar, 512 + 1000)));
    reader.next();

    assertThatThrownBy(() -> reader.content().readAllBytes())
        .isInstanceOf(TarFormatException.class)
        .hasMessage("unexpected end of data");
  }

  @Test
  void next_hardLinkWithSizeField_readsNoData() throws IOException {
    // POSIX leaves a hard link's size field to the writer; what follows is the next header.
    byte[] tar =
        new TarStream()
            .add(hardLink("b", "a").withData(new byte[0]))
            .add(file("c", "after"))
            .bytes();

    assertThat(entries(tar)).extracting(TarEntry::path).containsExactly("b", "c");
  }
}

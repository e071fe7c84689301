package dev.capsem.core.internal.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class InitramfsTest {

  private static final byte[] BUSYBOX = "busybox-bytes".getBytes(StandardCharsets.UTF_8);
  private static final byte[] INIT = "#!/bin/sh\nexec sh\n".getBytes(StandardCharsets.UTF_8);
  private static final long EPOCH = 1776729600L;

  /** One parsed newc header and its data. */
  record Entry(
      String name,
      int inode,
      int mode,
      int uid,
      int gid,
      long mtime,
      byte[] data,
      int rdevMajor,
      int rdevMinor) {}

  static List<Entry> parse(byte[] gzip) throws IOException {
    byte[] cpio = new GZIPInputStream(new ByteArrayInputStream(gzip)).readAllBytes();
    List<Entry> entries = new ArrayList<>();
    int at = 0;
    while (true) {
      String header = new String(cpio, at, 110, StandardCharsets.US_ASCII);
      assertThat(header).startsWith("070701");
      long[] f = new long[13];
      for (int i = 0; i < 13; i++) {
        f[i] = Long.parseLong(header.substring(6 + 8 * i, 14 + 8 * i), 16);
      }
      int nameSize = (int) f[11];
      String name = new String(cpio, at + 110, nameSize - 1, StandardCharsets.UTF_8);
      at = align(at + 110 + nameSize);
      if (name.equals("TRAILER!!!")) {
        return entries;
      }
      byte[] data = java.util.Arrays.copyOfRange(cpio, at, at + (int) f[6]);
      at = align(at + (int) f[6]);
      entries.add(
          new Entry(
              name,
              (int) f[0],
              (int) f[1],
              (int) f[2],
              (int) f[3],
              f[5],
              data,
              (int) f[9],
              (int) f[10]));
    }
  }

  private static int align(int offset) {
    return (offset + 3) & ~3;
  }

  @Test
  void capsem_sameInputs_sameBytes() {
    assertThat(Initramfs.capsem(BUSYBOX, INIT, EPOCH))
        .isEqualTo(Initramfs.capsem(BUSYBOX, INIT, EPOCH));
  }

  @Test
  void capsem_gzipHeader_hasNoNameNoTimeAndMaximumCompression() {
    byte[] gzip = Initramfs.capsem(BUSYBOX, INIT, EPOCH);

    assertThat(gzip[0] & 0xff).isEqualTo(0x1f);
    assertThat(gzip[1] & 0xff).isEqualTo(0x8b);
    assertThat(gzip[3]).as("flags: no file name").isZero();
    assertThat(java.util.Arrays.copyOfRange(gzip, 4, 8)).as("mtime").containsOnly(0);
  }

  @Test
  void capsem_entries_sortedWithSequentialInodesRootOwnedAndTheBuildTime() throws IOException {
    List<Entry> entries = parse(Initramfs.capsem(BUSYBOX, INIT, EPOCH));

    List<String> names = entries.stream().map(Entry::name).toList();
    assertThat(names).isSorted().contains("bin/busybox", "init", "sbin/modprobe", "dev/pts");
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      assertThat(e.inode()).isEqualTo(i + 1);
      assertThat(e.uid()).isZero();
      assertThat(e.gid()).isZero();
      assertThat(e.mtime()).isEqualTo(EPOCH);
    }
  }

  @Test
  void capsem_initAndBusybox_areExecutableFilesAndAppletsLinkToBusybox() throws IOException {
    List<Entry> entries = parse(Initramfs.capsem(BUSYBOX, INIT, EPOCH));

    Entry init = entries.stream().filter(e -> e.name().equals("init")).findFirst().orElseThrow();
    assertThat(init.mode()).isEqualTo(0100755);
    assertThat(init.data()).isEqualTo(INIT);
    Entry sh = entries.stream().filter(e -> e.name().equals("bin/sh")).findFirst().orElseThrow();
    assertThat(sh.mode()).isEqualTo(0120777);
    assertThat(new String(sh.data(), StandardCharsets.UTF_8)).isEqualTo("busybox");
    Entry modprobe =
        entries.stream().filter(e -> e.name().equals("sbin/modprobe")).findFirst().orElseThrow();
    assertThat(new String(modprobe.data(), StandardCharsets.UTF_8)).isEqualTo("../bin/busybox");
    assertThat(
            entries.stream()
                .filter(e -> e.name().equals("newroot"))
                .findFirst()
                .orElseThrow()
                .mode())
        .isEqualTo(040755);
  }

  /** The commands the kit's capsem-init runs from the initrd, each a link to busybox. */
  @Test
  void capsem_linksEveryAppletTheKitsInitRuns() throws IOException {
    List<String> names =
        parse(Initramfs.capsem(BUSYBOX, INIT, EPOCH)).stream().map(Entry::name).toList();

    for (String applet :
        List.of(
            "mount",
            "umount",
            "mkdir",
            "sleep",
            "cat",
            "awk",
            "grep",
            "chroot",
            "cp",
            "chmod",
            "ln",
            "rm",
            "tar",
            "sync",
            "poweroff",
            "dmesg",
            "tail",
            "df",
            "setsid",
            "cttyhack")) {
      assertThat(names).as(applet).contains("bin/" + applet);
    }
  }

  /** PID 1's standard streams: the kernel opens /dev/console before anything is mounted. */
  @Test
  void capsem_holdsTheConsoleDeviceNode() throws IOException {
    Entry console =
        parse(Initramfs.capsem(BUSYBOX, INIT, EPOCH)).stream()
            .filter(e -> e.name().equals("dev/console"))
            .findFirst()
            .orElseThrow();

    assertThat(console.mode()).isEqualTo(0020600);
    assertThat(console.rdevMajor()).isEqualTo(5);
    assertThat(console.rdevMinor()).isEqualTo(1);
    assertThat(console.data()).isEmpty();
  }
}

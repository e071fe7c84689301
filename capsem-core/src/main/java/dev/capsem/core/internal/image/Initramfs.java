package dev.capsem.core.internal.image;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * The initrd: a gzip'd {@code newc} cpio written here rather than by {@code find | cpio | gzip}, so
 * that the same inputs give the same bytes (decision D6): entries in sorted path order, inode
 * numbers assigned in that order, every mtime the build's time, owner and group 0, and a gzip
 * header without name or time.
 */
public final class Initramfs {

  /**
   * Upstream's directories and busybox applet links, and the links the kit's capsem-init adds (the
   * boot test writes its results with {@code tar} and powers off; a rescue shell needs {@code
   * setsid} and {@code cttyhack}).
   */
  static final List<String> DIRECTORIES =
      List.of(
          "bin", "sbin", "dev", "proc", "sys", "newroot", "tmp", "conf", "dev/pts", "var",
          "var/log", "var/tmp");

  static final List<String> APPLETS =
      List.of(
          "sh",
          "mount",
          "umount",
          "mkdir",
          "rmdir",
          "sleep",
          "ls",
          "echo",
          "cat",
          "chmod",
          "cp",
          "ln",
          "chroot",
          "mknod",
          "mv",
          "rm",
          "find",
          "grep",
          "sed",
          "awk",
          "tar",
          "sync",
          "poweroff",
          "reboot",
          "dmesg",
          "head",
          "tail",
          "df",
          "setsid",
          "cttyhack");

  private static final int DIRECTORY = 0040000;
  private static final int REGULAR = 0100000;
  private static final int SYMLINK = 0120000;
  private static final int CHARACTER_DEVICE = 0020000;

  private record Entry(int mode, byte[] data, int major, int minor) {
    Entry(int mode, byte[] data) {
      this(mode, data, 0, 0);
    }
  }

  private final TreeMap<String, Entry> entries = new TreeMap<>();

  private Initramfs() {}

  /**
   * Capsem's initrd: static busybox with its applet links, and {@code capsem-init} as {@code
   * /init}.
   */
  public static byte[] capsem(byte[] busybox, byte[] capsemInit, long mtime) {
    Initramfs initramfs = new Initramfs();
    for (String dir : DIRECTORIES) {
      initramfs.directory(dir);
    }
    initramfs.file("bin/busybox", 0755, busybox);
    for (String applet : APPLETS) {
      initramfs.symlink("bin/" + applet, "busybox");
    }
    initramfs.symlink("sbin/modprobe", "../bin/busybox");
    // The kernel opens it as PID 1's standard streams before devtmpfs is mounted.
    initramfs.characterDevice("dev/console", 0600, 5, 1);
    initramfs.file("init", 0755, capsemInit);
    return initramfs.gzip(mtime);
  }

  void directory(String path) {
    entries.put(path, new Entry(DIRECTORY | 0755, new byte[0]));
  }

  void file(String path, int permissions, byte[] content) {
    entries.put(path, new Entry(REGULAR | permissions, content.clone()));
  }

  void characterDevice(String path, int permissions, int major, int minor) {
    entries.put(path, new Entry(CHARACTER_DEVICE | permissions, new byte[0], major, minor));
  }

  void symlink(String path, String target) {
    entries.put(path, new Entry(SYMLINK | 0777, target.getBytes(StandardCharsets.UTF_8)));
  }

  /** The cpio archive, gzip'd at level 9 with a zero header time and no file name. */
  byte[] gzip(long mtime) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new FixedLevelGzip(out)) {
      gzip.write(cpio(mtime));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The uncompressed {@code newc} archive. */
  byte[] cpio(long mtime) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int inode = 1;
    for (Map.Entry<String, Entry> entry : entries.entrySet()) {
      Entry e = entry.getValue();
      int links = (e.mode() & 0170000) == DIRECTORY ? 2 : 1;
      header(
          out,
          inode++,
          e.mode(),
          links,
          mtime,
          e.data().length,
          e.major(),
          e.minor(),
          entry.getKey());
      out.writeBytes(e.data());
      pad(out);
    }
    header(out, 0, 0, 1, 0, 0, 0, 0, "TRAILER!!!");
    return out.toByteArray();
  }

  private static void header(
      ByteArrayOutputStream out,
      int inode,
      int mode,
      int links,
      long mtime,
      int size,
      int rdevMajor,
      int rdevMinor,
      String name) {
    byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
    StringBuilder header = new StringBuilder("070701");
    for (long field :
        new long[] {
          inode, mode, 0, 0, links, mtime, size, 0, 0, rdevMajor, rdevMinor, nameBytes.length + 1, 0
        }) {
      header.append(String.format(Locale.ROOT, "%08x", field));
    }
    out.writeBytes(header.toString().getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(nameBytes);
    out.write(0);
    pad(out);
  }

  private static void pad(ByteArrayOutputStream out) {
    while (out.size() % 4 != 0) {
      out.write(0);
    }
  }

  /** {@link GZIPOutputStream} at the best compression; its header has no name and time 0. */
  private static final class FixedLevelGzip extends GZIPOutputStream {
    FixedLevelGzip(OutputStream out) throws IOException {
      super(out);
      def.setLevel(Deflater.BEST_COMPRESSION);
    }
  }

  /** The archive's entry names, for tests and messages. */
  List<String> names() {
    return new ArrayList<>(entries.keySet());
  }
}

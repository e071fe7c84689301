package dev.capsem.docker.compression;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A directory tree with every kind of node squashfs stores, for images made by the real mksquashfs:
 * files around the block (64 KiB) and fragment boundaries, holes and zero blocks, duplicates, hard
 * links, symbolic links, a FIFO and a socket, extended attributes, set-id and sticky bits, deep
 * paths, a 255-byte name, and a directory with thousands of entries (several listing headers and a
 * lookup index). Devices come as mksquashfs pseudo definitions ({@link #PSEUDO_DEVICES}), so no
 * privilege is needed. Contents come from a seeded random generator.
 */
final class SampleTree {

  /** {@code mksquashfs -pf} lines: two character devices and a block device, minor above 255. */
  static final String PSEUDO_DEVICES =
      "special/null c 666 0 0 1 3\nspecial/tty-big c 620 0 5 4 300\nspecial/loop0 b 660 0 6 7 0\n";

  static final int BLOCK = 65536;

  private SampleTree() {}

  /** Writes the tree under {@code root} (created) and returns it. */
  static Path create(Path root) throws IOException, InterruptedException {
    Random random = new Random(20260522L);
    Files.createDirectories(root);
    Path files = Files.createDirectories(root.resolve("files"));
    int[] sizes = {
      0, 1, 4095, 4096, 4097, 65535, 65536, 65537, 131071, 131072, 131073, 200000, 1_000_003
    };
    for (int size : sizes) {
      Files.write(files.resolve("random-" + size), bytes(random, size));
      Files.write(files.resolve("text-" + size), text(size));
    }
    Files.write(files.resolve("zeros-200000"), new byte[200000]);
    sparse(files.resolve("sparse"), random);
    Path dups = Files.createDirectories(root.resolve("dups"));
    byte[] big = bytes(random, 150_000);
    byte[] small = bytes(random, 1000);
    Files.write(dups.resolve("big-a"), big);
    Files.write(dups.resolve("big-b"), big);
    Files.write(dups.resolve("small-a"), small);
    Files.write(dups.resolve("small-b"), small);
    byte[] tailTwin = Arrays.copyOf(big, 140_000);
    Files.write(dups.resolve("same-blocks-other-tail"), tailTwin);

    Path links = Files.createDirectories(root.resolve("links"));
    Files.write(links.resolve("hard-1"), bytes(random, 70_000));
    Files.createLink(links.resolve("hard-2"), links.resolve("hard-1"));
    Files.createLink(root.resolve("files").resolve("hard-3"), links.resolve("hard-1"));
    Files.createSymbolicLink(links.resolve("to-one"), Path.of("../files/random-1"));
    Files.createSymbolicLink(links.resolve("dangling"), Path.of("nowhere/at/all"));
    Files.createSymbolicLink(links.resolve("long-target"), Path.of("t".repeat(300)));

    Path special = Files.createDirectories(root.resolve("special"));
    RealTools.run(List.of("mkfifo", special.resolve("fifo").toString()));
    try (ServerSocketChannel socket = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      socket.bind(UnixDomainSocketAddress.of(special.resolve("socket")));
    }

    Path perm = Files.createDirectories(root.resolve("perm"));
    chmod(Files.write(perm.resolve("setuid"), text(10)), "4755");
    chmod(Files.write(perm.resolve("setgid"), text(11)), "6711");
    chmod(Files.write(perm.resolve("setuid-no-x"), text(12)), "4644");
    chmod(Files.write(perm.resolve("sticky-file"), text(14)), "1644");
    chmod(Files.write(perm.resolve("none"), text(13)), "0000");
    chmod(Files.createDirectories(perm.resolve("sticky")), "1777");
    chmod(Files.createDirectories(perm.resolve("setgid-dir")), "2750");

    Path deep = root.resolve("deep");
    for (int i = 1; i <= 30; i++) {
      deep = deep.resolve("level-" + i);
    }
    Files.createDirectories(deep);
    Files.write(deep.resolve("leaf"), text(100));
    Files.write(root.resolve("n".repeat(255)), text(7));
    Files.write(root.resolve("ümlaut-ß.txt"), "ü\n".getBytes(StandardCharsets.UTF_8));

    Path many = Files.createDirectories(root.resolve("many"));
    for (int i = 0; i < 3000; i++) {
      Files.write(
          many.resolve(String.format("entry-%05d-with-a-longer-name-to-fill-listings", i)),
          ("entry " + i + "\n").getBytes(StandardCharsets.UTF_8));
    }
    Path xattrs = Files.createDirectories(root.resolve("xattrs"));
    Path tagged = Files.write(xattrs.resolve("tagged"), text(50));
    Path sameTags = Files.write(xattrs.resolve("same-tags"), text(51));
    for (Path p : List.of(tagged, sameTags, xattrs)) {
      setfattr(p, "user.capsem.note", "hello");
      setfattr(p, "user.capsem.binary", "0x00ff10");
    }
    setfattr(tagged, "user.capsem.large", "0x" + "ab".repeat(3000));
    // As root, also the namespaces only root may set (file capabilities live in security.*).
    privileged(List.of("setfattr", "-n", "security.capsem", "-v", "0x01020304", tagged.toString()));
    privileged(List.of("setfattr", "-n", "trusted.capsem", "-v", "trusted", tagged.toString()));

    owner(root.resolve("files/text-1"), "1000:1000");
    owner(root.resolve("perm"), "65534:100");

    times(root, random);
    return root;
  }

  /** Every path gets its own fixed time, so listings show real variety. */
  private static void times(Path root, Random random) throws IOException {
    List<Path> all = new ArrayList<>();
    try (var walk = Files.walk(root)) {
      walk.forEach(all::add);
    }
    for (Path p : all) {
      // Opening a FIFO to set its time would block: only files and directories get one.
      if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)
          || Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        Files.setLastModifiedTime(
            p, FileTime.fromMillis((1_600_000_000L + random.nextInt(100_000_000)) * 1000));
      }
    }
  }

  private static void sparse(Path path, Random random) throws IOException {
    try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw")) {
      file.setLength(3L * BLOCK);
      file.seek(3L * BLOCK);
      file.write(bytes(random, 100));
      file.setLength(6L * BLOCK + 5000);
      file.seek(6L * BLOCK);
      file.write(bytes(random, 5000));
    }
  }

  private static void setfattr(Path path, String name, String value)
      throws IOException, InterruptedException {
    RealTools.run(
        List.of(
            RealTools.require("setfattr", "attr").toString(),
            "-n",
            name,
            "-v",
            value,
            path.toString()));
  }

  private static void owner(Path path, String owner) throws IOException, InterruptedException {
    privileged(List.of("chown", "-h", owner, path.toString()));
  }

  /** Owners and privileged xattrs only root may set: without root the tree simply lacks them. */
  private static void privileged(List<String> command) throws IOException, InterruptedException {
    RealTools.attempt(command);
  }

  private static void chmod(Path path, String mode) throws IOException, InterruptedException {
    RealTools.run(List.of("chmod", mode, path.toString()));
  }

  static byte[] bytes(Random random, int size) {
    byte[] out = new byte[size];
    random.nextBytes(out);
    return out;
  }

  static byte[] text(int size) {
    StringBuilder text = new StringBuilder(size);
    int line = 0;
    while (text.length() < size) {
      text.append("line ").append(line++).append(": the quick brown fox jumps over the dog\n");
    }
    return text.substring(0, size).getBytes(StandardCharsets.US_ASCII);
  }
}

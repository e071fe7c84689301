package dev.capsem.it;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/** Reads files out of a built initrd (gzip'd newc cpio), to make test initrds from its busybox. */
final class Initrds {

  private Initrds() {}

  /** The bytes of {@code name} in the initrd at {@code initrd}. */
  static byte[] file(Path initrd, String name) throws IOException {
    byte[] cpio;
    try (GZIPInputStream in =
        new GZIPInputStream(new ByteArrayInputStream(Files.readAllBytes(initrd)))) {
      cpio = in.readAllBytes();
    }
    int at = 0;
    while (at + 110 <= cpio.length) {
      String header = new String(cpio, at, 110, StandardCharsets.US_ASCII);
      if (!header.startsWith("070701")) {
        throw new IOException("not a newc cpio at offset " + at);
      }
      int size = Integer.parseInt(header.substring(54, 62), 16);
      int nameSize = Integer.parseInt(header.substring(94, 102), 16);
      String entry = new String(cpio, at + 110, nameSize - 1, StandardCharsets.UTF_8);
      int data = align(at + 110 + nameSize);
      if (entry.equals("TRAILER!!!")) {
        break;
      }
      if (entry.equals(name)) {
        return Arrays.copyOfRange(cpio, data, data + size);
      }
      at = align(data + size);
    }
    throw new IOException(name + " is not in " + initrd);
  }

  private static int align(int offset) {
    return (offset + 3) & ~3;
  }
}

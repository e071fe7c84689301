package dev.capsem.core.internal.tar;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * A plain ustar archive of small files, the way the guest's busybox tar reads it: regular files
 * only, mode 0644, owner 0, time 0, names under 100 bytes. Deterministic: the same files give the
 * same bytes. The boot test packs its expectations with it; the fake engine its exports.
 */
public final class TarWriter {

  private static final int BLOCK = 512;

  private TarWriter() {}

  /** The archive of {@code files} (name to content), in the map's order. */
  public static byte[] archive(Map<String, byte[]> files) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      byte[] name = file.getKey().getBytes(StandardCharsets.UTF_8);
      if (name.length == 0 || name.length >= 100) {
        throw new IllegalArgumentException("a tar member name is 1 to 99 bytes: " + file.getKey());
      }
      byte[] header = new byte[BLOCK];
      System.arraycopy(name, 0, header, 0, name.length);
      octal(header, 100, 8, 0644);
      octal(header, 108, 8, 0);
      octal(header, 116, 8, 0);
      octal(header, 124, 12, file.getValue().length);
      octal(header, 136, 12, 0);
      header[156] = '0';
      byte[] magic = "ustar\u000000".getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(magic, 0, header, 257, magic.length);
      for (int i = 148; i < 156; i++) {
        header[i] = ' ';
      }
      long sum = 0;
      for (byte b : header) {
        sum += b & 0xff;
      }
      byte[] checksum =
          String.format(Locale.ROOT, "%06o\u0000 ", sum).getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(checksum, 0, header, 148, 8);
      out.writeBytes(header);
      out.writeBytes(file.getValue());
      int pad = (BLOCK - file.getValue().length % BLOCK) % BLOCK;
      out.writeBytes(new byte[pad]);
    }
    out.writeBytes(new byte[2 * BLOCK]);
    return out.toByteArray();
  }

  private static void octal(byte[] header, int offset, int length, long value) {
    String digits = String.format(Locale.ROOT, "%0" + (length - 1) + "o", value);
    byte[] bytes = digits.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(bytes, 0, header, offset, length - 1);
    header[offset + length - 1] = 0;
  }
}

package dev.capsem.core.internal.image.verify;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/** Writes small ustar archives for tests, as {@code tar --format=ustar} would. */
final class TarBuilder {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  TarBuilder file(String name, String content) {
    return entry(name, '0', content.getBytes(StandardCharsets.UTF_8));
  }

  TarBuilder directory(String name) {
    return entry(name, '5', new byte[0]);
  }

  /** A GNU long-name record followed by the member it names. */
  TarBuilder longName(String name, String content) {
    byte[] nameBytes = (name + "\0").getBytes(StandardCharsets.UTF_8);
    entry("././@LongLink", 'L', nameBytes);
    return entry(name.substring(0, 99), '0', content.getBytes(StandardCharsets.UTF_8));
  }

  TarBuilder entry(String name, char type, byte[] data) {
    byte[] header = new byte[512];
    put(header, 0, name, 100);
    put(header, 100, "0000644", 8);
    put(header, 108, "0000000", 8);
    put(header, 116, "0000000", 8);
    put(header, 124, String.format(Locale.ROOT, "%011o", data.length), 12);
    put(header, 136, "00000000000", 12);
    header[156] = (byte) type;
    put(header, 257, "ustar", 6);
    put(header, 263, "00", 2);
    for (int i = 148; i < 156; i++) {
      header[i] = ' ';
    }
    long sum = 0;
    for (byte b : header) {
      sum += b & 0xff;
    }
    put(header, 148, String.format(Locale.ROOT, "%06o", sum) + "\0 ", 8);
    out.writeBytes(header);
    out.writeBytes(data);
    out.writeBytes(new byte[(512 - data.length % 512) % 512]);
    return this;
  }

  byte[] tar() {
    ByteArrayOutputStream copy = new ByteArrayOutputStream();
    copy.writeBytes(out.toByteArray());
    copy.writeBytes(new byte[1024]);
    return copy.toByteArray();
  }

  byte[] gzip() {
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
      gz.write(tar());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return zipped.toByteArray();
  }

  private static void put(byte[] header, int offset, String value, int length) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(bytes, 0, header, offset, Math.min(bytes.length, length));
  }
}

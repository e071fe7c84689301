package dev.capsem.core.internal.image.verify;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A forward-only reader of tar archives (ustar, GNU long names, pax {@code path}), enough to find
 * one member of a doctor bundle without a library the domain may not depend on. The boot test reads
 * the tar its guest wrote onto a raw disk with it too.
 */
public final class TarEntries {

  /** One member header; the reader is positioned at its data. */
  public record Entry(String name, char type, long size) {

    /** Regular files, as Python's {@code TarInfo.isfile()} counts them. */
    public boolean isFile() {
      return type == '0' || type == '\0' || type == '7';
    }
  }

  private static final int BLOCK = 512;

  private final InputStream in;
  private long remaining;
  private int entries;

  public TarEntries(InputStream in) {
    this.in = in;
  }

  /** The next member, or {@code null} at the end of the archive. */
  public Entry next() throws IOException {
    skip(padded(remaining));
    remaining = 0;
    String longName = null;
    while (true) {
      byte[] header = new byte[BLOCK];
      if (!readBlock(header)) {
        return null;
      }
      if (isZero(header)) {
        return null;
      }
      if (!checksumMatches(header)) {
        throw new IOException(entries == 0 ? "not a tar archive" : "invalid tar header");
      }
      entries++;
      char type = (char) header[156];
      long size = number(header, 124, 12);
      if (type == 'L' || type == 'x' || type == 'g') {
        byte[] data = readData(size);
        if (type == 'L') {
          longName = cString(data, 0, data.length);
        } else if (type == 'x') {
          String path = paxPath(data);
          if (path != null) {
            longName = path;
          }
        }
        continue;
      }
      String name = longName != null ? longName : headerName(header);
      remaining = size;
      return new Entry(name, type, size);
    }
  }

  /** The current member's bytes, at most {@code limit} of them. */
  public byte[] read(long limit) throws IOException {
    if (remaining > limit) {
      throw new IOException("member is larger than " + limit + " bytes");
    }
    byte[] data = in.readNBytes((int) remaining);
    if (data.length < remaining) {
      throw new EOFException("unexpected end of data");
    }
    skip(padded(remaining) - remaining);
    remaining = 0;
    return data;
  }

  private byte[] readData(long size) throws IOException {
    if (size > 1 << 20) {
      throw new IOException("extended header too large");
    }
    byte[] data = in.readNBytes((int) size);
    if (data.length < size) {
      throw new EOFException("unexpected end of data");
    }
    skip(padded(size) - size);
    return data;
  }

  private static long padded(long size) {
    return (size + BLOCK - 1) / BLOCK * BLOCK;
  }

  private void skip(long count) throws IOException {
    long left = count;
    while (left > 0) {
      long skipped = in.skip(left);
      if (skipped <= 0) {
        if (in.read() < 0) {
          throw new EOFException("unexpected end of data");
        }
        skipped = 1;
      }
      left -= skipped;
    }
  }

  private boolean readBlock(byte[] block) throws IOException {
    int n = in.readNBytes(block, 0, BLOCK);
    if (n == 0) {
      return false;
    }
    if (n < BLOCK) {
      throw new IOException(entries == 0 ? "not a tar archive" : "unexpected end of data");
    }
    return true;
  }

  private static boolean isZero(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  /** The header checksum treats its own field as eight spaces (signed sums are accepted too). */
  private static boolean checksumMatches(byte[] header) {
    long stored;
    try {
      stored = number(header, 148, 8);
    } catch (IOException e) {
      return false;
    }
    long unsigned = 0;
    long signed = 0;
    for (int i = 0; i < BLOCK; i++) {
      int b = i >= 148 && i < 156 ? ' ' : header[i];
      unsigned += b & 0xff;
      signed += (byte) b;
    }
    return stored == unsigned || stored == signed;
  }

  private static String headerName(byte[] header) {
    String name = cString(header, 0, 100);
    boolean ustar =
        header[257] == 'u'
            && header[258] == 's'
            && header[259] == 't'
            && header[260] == 'a'
            && header[261] == 'r';
    if (ustar) {
      String prefix = cString(header, 345, 155);
      if (!prefix.isEmpty()) {
        return prefix + "/" + name;
      }
    }
    return name;
  }

  private static String paxPath(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    int i = 0;
    String path = null;
    while (i < text.length()) {
      int space = text.indexOf(' ', i);
      if (space < 0) {
        break;
      }
      int length;
      try {
        length = Integer.parseInt(text.substring(i, space));
      } catch (NumberFormatException e) {
        break;
      }
      if (length <= 0) {
        break;
      }
      int end = Math.min(text.length(), i + length);
      String record = text.substring(space + 1, Math.max(space + 1, end - 1));
      if (record.startsWith("path=")) {
        path = record.substring(5);
      }
      i = end;
    }
    return path;
  }

  /** An octal field, or GNU's base-256 form (high bit set). */
  private static long number(byte[] header, int offset, int length) throws IOException {
    if ((header[offset] & 0x80) != 0) {
      long value = header[offset] & 0x7f;
      for (int i = offset + 1; i < offset + length; i++) {
        value = (value << 8) | (header[i] & 0xff);
      }
      return value;
    }
    String text = cString(header, offset, length).trim();
    if (text.isEmpty()) {
      return 0;
    }
    try {
      return Long.parseLong(text, 8);
    } catch (NumberFormatException e) {
      throw new IOException("invalid tar header");
    }
  }

  private static String cString(byte[] data, int offset, int length) {
    int end = offset;
    while (end < offset + length && data[end] != 0) {
      end++;
    }
    return new String(data, offset, end - offset, StandardCharsets.UTF_8);
  }
}

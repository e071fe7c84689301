package dev.capsem.core.internal.tar;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A forward-only reader of tar streams: ustar headers, pax extended headers (local and global:
 * {@code path}, {@code linkpath}, {@code size}, {@code uid}, {@code gid}, {@code mtime}, {@code
 * SCHILY.xattr.*}), GNU long names and link names, and GNU base-256 numbers. Each member's data is
 * read through {@link #content()} before the next {@link #next()}, which skips whatever is left, so
 * a stream of any size passes through in constant memory.
 */
public final class TarReader {

  private static final int BLOCK = 512;

  /** Extension headers are metadata: anything larger is not a tar stream we should trust. */
  private static final int MAX_EXTENSION = 1 << 20;

  private static final String XATTR_PREFIX = "SCHILY.xattr.";

  private final InputStream in;
  private final Map<String, byte[]> global = new LinkedHashMap<>();
  private long remaining;
  private long padding;
  private long members;
  private boolean ended;

  public TarReader(InputStream in) {
    this.in = in;
  }

  /**
   * The next member, or {@code null} at the end of the archive.
   *
   * @throws TarFormatException when a header is damaged or the stream ends inside a member
   */
  public TarEntry next() throws IOException {
    if (ended) {
      return null;
    }
    skip(remaining + padding);
    remaining = 0;
    padding = 0;
    Map<String, byte[]> pax = new LinkedHashMap<>();
    List<Xattr> xattrs = new ArrayList<>();
    String longName = null;
    String longLink = null;
    while (true) {
      byte[] header = new byte[BLOCK];
      if (!readBlock(header) || isZero(header)) {
        ended = true;
        return null;
      }
      if (!checksumMatches(header)) {
        throw new TarFormatException(members == 0 ? "not a tar archive" : "invalid tar header");
      }
      members++;
      char type = (char) (header[156] & 0xff);
      long size = number(header, 124, 12);
      if (type == 'x' || type == 'g' || type == 'L' || type == 'K') {
        byte[] data = readExtension(size);
        switch (type) {
          case 'x' -> records(data, pax, xattrs);
          case 'g' -> records(data, global, new ArrayList<>());
          case 'L' -> longName = cString(data, 0, data.length);
          default -> longLink = cString(data, 0, data.length);
        }
        continue;
      }
      return entry(header, type, size, pax, xattrs, longName, longLink);
    }
  }

  /**
   * The current member's data; reading past its end returns {@code -1}. Closing it does nothing:
   * the reader owns the underlying stream.
   */
  public InputStream content() {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
          return 0;
        }
        if (remaining == 0) {
          return -1;
        }
        int n = in.read(buffer, offset, (int) Math.min(length, remaining));
        if (n < 0) {
          throw new TarFormatException("unexpected end of data");
        }
        remaining -= n;
        return n;
      }

      @Override
      public void close() {}
    };
  }

  /** The current member's bytes, at most {@code limit} of them. */
  public byte[] read(long limit) throws IOException {
    if (remaining > limit) {
      throw new IOException("member is larger than " + limit + " bytes");
    }
    byte[] data = in.readNBytes((int) remaining);
    if (data.length < remaining) {
      throw new TarFormatException("unexpected end of data");
    }
    remaining = 0;
    return data;
  }

  private TarEntry entry(
      byte[] header,
      char type,
      long headerSize,
      Map<String, byte[]> local,
      List<Xattr> xattrs,
      String longName,
      String longLink)
      throws IOException {
    Map<String, byte[]> pax = new LinkedHashMap<>(global);
    pax.putAll(local);
    String path =
        pax.containsKey("path")
            ? bytes(pax.get("path"))
            : longName != null ? longName : headerName(header);
    String link =
        pax.containsKey("linkpath")
            ? bytes(pax.get("linkpath"))
            : longLink != null ? longLink : cString(header, 157, 100);
    long size = paxNumber(pax, "size", headerSize);
    long uid = paxNumber(pax, "uid", number(header, 108, 8));
    long gid = paxNumber(pax, "gid", number(header, 116, 8));
    long mtime = paxNumber(pax, "mtime", number(header, 136, 12));
    int mode = (int) (number(header, 100, 8) & 07777);
    boolean device = type == '3' || type == '4';
    long major = device ? number(header, 329, 8) : 0;
    long minor = device ? number(header, 337, 8) : 0;
    char kind = type;
    if (path.endsWith("/")) {
      // Old tars mark directories with a trailing slash only.
      if (type == '0' || type == '\0' || type == '5') {
        kind = '5';
      }
      path = path.substring(0, path.length() - 1);
    }
    // As Python's tarfile: links, directories, devices and FIFOs carry no data whatever their
    // size field says; regular files and types we do not know do.
    boolean noData = "123456".indexOf(kind) >= 0;
    remaining = noData ? 0 : size;
    padding = padded(remaining) - remaining;
    return new TarEntry(
        path, kind, noData ? 0 : size, mode, uid, gid, mtime, link, major, minor, xattrs);
  }

  private static long paxNumber(Map<String, byte[]> pax, String key, long fallback)
      throws TarFormatException {
    byte[] value = pax.get(key);
    if (value == null) {
      return fallback;
    }
    String text = new String(value, StandardCharsets.US_ASCII);
    int dot = text.indexOf('.');
    String whole = dot >= 0 ? text.substring(0, dot) : text;
    try {
      long number = Long.parseLong(whole);
      if (number < 0 && !key.equals("mtime")) {
        throw new NumberFormatException();
      }
      return number;
    } catch (NumberFormatException e) {
      throw new TarFormatException("invalid pax " + key + ": " + text);
    }
  }

  /** pax records, {@code "<length> <keyword>=<value>\n"}, lengths counting bytes. */
  private static void records(byte[] data, Map<String, byte[]> into, List<Xattr> xattrs)
      throws TarFormatException {
    int i = 0;
    while (i < data.length) {
      if (data[i] == 0) {
        break;
      }
      int space = i;
      while (space < data.length && data[space] != ' ') {
        space++;
      }
      long length;
      try {
        length = Long.parseLong(new String(data, i, space - i, StandardCharsets.US_ASCII));
      } catch (NumberFormatException e) {
        throw new TarFormatException("invalid pax header");
      }
      long end = i + length;
      if (length <= space - i + 1 || end > data.length || data[(int) end - 1] != '\n') {
        throw new TarFormatException("invalid pax header");
      }
      int equals = space + 1;
      while (equals < end && data[equals] != '=') {
        equals++;
      }
      if (equals >= end - 1) {
        throw new TarFormatException("invalid pax header");
      }
      String keyword = new String(data, space + 1, equals - space - 1, StandardCharsets.UTF_8);
      byte[] value = java.util.Arrays.copyOfRange(data, equals + 1, (int) end - 1);
      if (keyword.startsWith(XATTR_PREFIX)) {
        String name =
            bytes(java.util.Arrays.copyOfRange(data, space + 1 + XATTR_PREFIX.length(), equals));
        xattrs.add(new Xattr(name, value));
      } else {
        into.put(keyword, value);
      }
      i = (int) end;
    }
  }

  private byte[] readExtension(long size) throws IOException {
    if (size > MAX_EXTENSION) {
      throw new TarFormatException("extended header too large");
    }
    byte[] data = in.readNBytes((int) size);
    if (data.length < size) {
      throw new TarFormatException("unexpected end of data");
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
          throw new TarFormatException("unexpected end of data");
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
      throw new TarFormatException(members == 0 ? "not a tar archive" : "unexpected end of data");
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
    } catch (TarFormatException e) {
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

  /** An octal field, or GNU's base-256 form (high bit set). */
  private static long number(byte[] header, int offset, int length) throws TarFormatException {
    if ((header[offset] & 0x80) != 0) {
      if ((header[offset] & 0x40) != 0) {
        throw new TarFormatException("invalid tar header: negative number");
      }
      long value = header[offset] & 0x3f;
      for (int i = offset + 1; i < offset + length; i++) {
        if (value >>> 55 != 0) {
          throw new TarFormatException("invalid tar header: number too large");
        }
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
      throw new TarFormatException("invalid tar header");
    }
  }

  private static String cString(byte[] data, int offset, int length) {
    int end = offset;
    while (end < offset + length && data[end] != 0) {
      end++;
    }
    return new String(data, offset, end - offset, StandardCharsets.ISO_8859_1);
  }

  private static String bytes(byte[] value) {
    return new String(value, StandardCharsets.ISO_8859_1);
  }
}

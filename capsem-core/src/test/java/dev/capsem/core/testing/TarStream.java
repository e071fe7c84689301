package dev.capsem.core.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes tar streams for tests as POSIX (ustar, pax) and GNU tar lay them out: every member kind,
 * owners, modes, times, device numbers, pax records (long paths, xattrs, large numbers) and GNU
 * long-name records. Names are byte strings (one {@code char} per byte).
 */
public final class TarStream {

  /** One member; build with {@link #member(String, char)} and the {@code with} methods. */
  public record Member(
      String path,
      char type,
      int mode,
      long uid,
      long gid,
      long mtime,
      String link,
      long major,
      long minor,
      byte[] data,
      Map<String, byte[]> pax,
      boolean gnuLongNames,
      boolean base256Uid) {

    public Member withMode(int m) {
      return new Member(
          path, type, m, uid, gid, mtime, link, major, minor, data, pax, gnuLongNames, base256Uid);
    }

    public Member withOwner(long u, long g) {
      return new Member(
          path, type, mode, u, g, mtime, link, major, minor, data, pax, gnuLongNames, base256Uid);
    }

    public Member withTime(long t) {
      return new Member(
          path, type, mode, uid, gid, t, link, major, minor, data, pax, gnuLongNames, base256Uid);
    }

    public Member withLink(String l) {
      return new Member(
          path, type, mode, uid, gid, mtime, l, major, minor, data, pax, gnuLongNames, base256Uid);
    }

    public Member withDevice(long ma, long mi) {
      return new Member(
          path, type, mode, uid, gid, mtime, link, ma, mi, data, pax, gnuLongNames, base256Uid);
    }

    public Member withData(byte[] d) {
      return new Member(
          path, type, mode, uid, gid, mtime, link, major, minor, d, pax, gnuLongNames, base256Uid);
    }

    /** A pax record (a {@code SCHILY.xattr.<name>} for an xattr). */
    public Member withPax(String key, byte[] value) {
      Map<String, byte[]> more = new LinkedHashMap<>(pax);
      more.put(key, value);
      return new Member(
          path,
          type,
          mode,
          uid,
          gid,
          mtime,
          link,
          major,
          minor,
          data,
          more,
          gnuLongNames,
          base256Uid);
    }

    public Member withXattr(String name, byte[] value) {
      return withPax("SCHILY.xattr." + name, value);
    }

    /** Long names as GNU tar writes them ({@code ././@LongLink} records), not pax. */
    public Member withGnuLongNames() {
      return new Member(
          path, type, mode, uid, gid, mtime, link, major, minor, data, pax, true, base256Uid);
    }

    /** The uid in GNU's base-256 form, as tar writes ids too large for octal. */
    public Member withBase256Uid() {
      return new Member(
          path, type, mode, uid, gid, mtime, link, major, minor, data, pax, gnuLongNames, true);
    }
  }

  private final List<Member> members = new ArrayList<>();
  private final Map<String, byte[]> global = new LinkedHashMap<>();

  public static Member member(String path, char type) {
    return new Member(
        path,
        type,
        type == '5' ? 0755 : type == '2' ? 0777 : 0644,
        0,
        0,
        1_700_000_000L,
        "",
        0,
        0,
        new byte[0],
        Map.of(),
        false,
        false);
  }

  public static Member file(String path, byte[] data) {
    return member(path, '0').withData(data);
  }

  public static Member file(String path, String text) {
    return file(path, text.getBytes(StandardCharsets.UTF_8));
  }

  public static Member directory(String path) {
    return member(path, '5');
  }

  public static Member symlink(String path, String target) {
    return member(path, '2').withLink(target);
  }

  public static Member hardLink(String path, String target) {
    return member(path, '1').withLink(target);
  }

  public TarStream add(Member member) {
    members.add(member);
    return this;
  }

  /** A pax global header written before the members. */
  public TarStream global(String key, String value) {
    global.put(key, value.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  /** The archive, ended by two zero blocks. */
  public byte[] bytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (!global.isEmpty()) {
      byte[] records = records(global);
      header(out, "pax_global_header", 'g', 0644, 0, 0, 0, "", 0, 0, records.length, false);
      data(out, records);
    }
    for (Member m : members) {
      Map<String, byte[]> pax = new LinkedHashMap<>(m.pax());
      String name = m.path();
      String link = m.link();
      if (m.gnuLongNames()) {
        if (bytes(name).length > 100) {
          byte[] longName = bytes(name + "\0");
          header(out, "././@LongLink", 'L', 0644, 0, 0, 0, "", 0, 0, longName.length, false);
          data(out, longName);
          name = name.substring(0, 100);
        }
        if (bytes(link).length > 100) {
          byte[] longLink = bytes(link + "\0");
          header(out, "././@LongLink", 'K', 0644, 0, 0, 0, "", 0, 0, longLink.length, false);
          data(out, longLink);
          link = link.substring(0, 100);
        }
      } else {
        if (bytes(name).length > 100) {
          pax.put("path", bytes(name));
          name = name.substring(0, 100);
        }
        if (bytes(link).length > 100) {
          pax.put("linkpath", bytes(link));
          link = link.substring(0, 100);
        }
      }
      if (!pax.isEmpty()) {
        byte[] records = records(pax);
        header(
            out,
            "PaxHeaders/" + shortName(name),
            'x',
            0644,
            0,
            0,
            0,
            "",
            0,
            0,
            records.length,
            false);
        data(out, records);
      }
      header(
          out,
          name,
          m.type(),
          m.mode(),
          m.uid(),
          m.gid(),
          m.mtime(),
          link,
          m.major(),
          m.minor(),
          m.data().length,
          m.base256Uid());
      data(out, m.data());
    }
    out.writeBytes(new byte[1024]);
    return out.toByteArray();
  }

  private static String shortName(String name) {
    return name.length() > 80 ? name.substring(0, 80) : name;
  }

  /** pax records: {@code "<length> <key>=<value>\n"}, the length counting its own digits. */
  private static byte[] records(Map<String, byte[]> pax) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    pax.forEach(
        (key, value) -> {
          int rest = 1 + bytes(key).length + 1 + value.length + 1;
          int length = rest + Integer.toString(rest).length();
          if (Integer.toString(length).length() != Integer.toString(rest).length()) {
            length++;
          }
          out.writeBytes(bytes(length + " " + key + "="));
          out.writeBytes(value);
          out.write('\n');
        });
    return out.toByteArray();
  }

  private static void header(
      ByteArrayOutputStream out,
      String name,
      char type,
      int mode,
      long uid,
      long gid,
      long mtime,
      String link,
      long major,
      long minor,
      long size,
      boolean base256Uid) {
    byte[] h = new byte[512];
    put(h, 0, name, 100);
    put(h, 100, octal(mode, 8), 8);
    if (base256Uid) {
      h[108] = (byte) 0x80;
      for (int i = 0; i < 7; i++) {
        h[115 - i] = (byte) (uid >>> (8 * i));
      }
    } else {
      put(h, 108, octal(uid, 8), 8);
    }
    put(h, 116, octal(gid, 8), 8);
    put(h, 124, octal(size, 12), 12);
    put(h, 136, octal(mtime, 12), 12);
    h[156] = (byte) type;
    put(h, 157, link, 100);
    put(h, 257, "ustar", 6);
    put(h, 263, "00", 2);
    put(h, 329, octal(major, 8), 8);
    put(h, 337, octal(minor, 8), 8);
    for (int i = 148; i < 156; i++) {
      h[i] = ' ';
    }
    long sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    put(h, 148, String.format(Locale.ROOT, "%06o", sum) + "\0 ", 8);
    out.writeBytes(h);
  }

  private static void data(ByteArrayOutputStream out, byte[] data) {
    out.writeBytes(data);
    out.writeBytes(new byte[(512 - data.length % 512) % 512]);
  }

  private static String octal(long value, int field) {
    return String.format(Locale.ROOT, "%0" + (field - 1) + "o", value);
  }

  private static void put(byte[] header, int offset, String value, int length) {
    byte[] b = bytes(value);
    System.arraycopy(b, 0, header, offset, Math.min(b.length, length));
  }

  private static byte[] bytes(String byteString) {
    return byteString.getBytes(StandardCharsets.ISO_8859_1);
  }
}

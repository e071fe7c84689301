package dev.capsem.core.internal.squashfs;

import dev.capsem.core.diag.Code;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * The listings of {@code unsquashfs -ls}, {@code -lln} and {@code -lls}, byte for byte, with times
 * in UTC (as {@code unsquashfs -UTC} prints them): parents before children, each directory's
 * entries in their sorted on-disk order, paths below {@code squashfs-root}. Given a path, the
 * listing is what unsquashfs prints when asked to extract that path: the root, each directory on
 * the way, then the path and everything below it.
 */
public final class Listing {

  /** Which listing. */
  public enum Style {
    /** {@code -ls}: paths only. */
    PATHS,
    /** {@code -lln}: mode, numeric owner, size, time, path, symlink target. */
    LONG_NUMERIC,
    /** {@code -lls}: as {@code -lln}, with user and group names where {@link Names} knows them. */
    LONG_NAMES
  }

  /** User and group names for {@link Style#LONG_NAMES}; empty means "print the number". */
  public record Names(LongFunction<Optional<String>> user, LongFunction<Optional<String>> group) {

    public static Names numeric() {
      return new Names(id -> Optional.empty(), id -> Optional.empty());
    }
  }

  /** The directory name unsquashfs puts first. */
  public static final String ROOT = "squashfs-root";

  private static final int TOTAL_CHARS = 25;

  private final SquashfsImage image;
  private final Style style;
  private final Names names;

  public Listing(SquashfsImage image, Style style, Names names) {
    this.image = image;
    this.style = style;
    this.names = style == Style.LONG_NAMES ? names : Names.numeric();
  }

  /**
   * Writes the listing of {@code path} (a byte string; empty or {@code /} for the whole image).
   *
   * @throws SquashfsException E534 when {@code path} is not in the image, E53x when the image is
   *     damaged
   */
  public void write(String path, OutputStream out) throws IOException {
    List<String> parts = new ArrayList<>();
    for (String part : path.split("/")) {
      if (!part.isEmpty() && !part.equals(".")) {
        parts.add(part);
      }
    }
    Inode.Directory root = image.root();
    if (image.lookup(path).isEmpty()) {
      throw new SquashfsException(
          Code.E534,
          "no such file or directory in the image: /"
              + new String(
                  String.join("/", parts).getBytes(StandardCharsets.ISO_8859_1),
                  StandardCharsets.UTF_8));
    }
    if (parts.isEmpty()) {
      walk(ROOT, root, out);
      return;
    }
    // The root and each directory on the way to the path, then the path's own subtree.
    Inode current = root;
    String shown = ROOT;
    line(shown, current, out);
    for (int i = 0; i < parts.size(); i++) {
      Inode.Directory directory = (Inode.Directory) current;
      DirectoryEntry entry = null;
      for (DirectoryEntry candidate : image.entries(directory)) {
        if (candidate.name().equals(parts.get(i))) {
          entry = candidate;
          break;
        }
      }
      current = image.inode(entry.inodeReference());
      shown = shown + "/" + entry.name();
      if (i < parts.size() - 1) {
        line(shown, current, out);
      }
    }
    walk(shown, current, out);
  }

  private void walk(String shown, Inode start, OutputStream out) throws IOException {
    image.walk(
        "",
        start,
        (relative, inode) -> {
          line(relative.isEmpty() ? shown : shown + "/" + relative, inode, out);
          return true;
        });
  }

  private void line(String path, Inode inode, OutputStream out) throws IOException {
    StringBuilder line = new StringBuilder();
    if (style == Style.PATHS) {
      line.append(path).append('\n');
      out.write(line.toString().getBytes(StandardCharsets.ISO_8859_1));
      return;
    }
    Inode.Attributes a = inode.attributes();
    String user = names.user().apply(a.uid()).orElse(Long.toString(a.uid()));
    String group = names.group().apply(a.gid()).orElse(Long.toString(a.gid()));
    line.append(modeString(a.mode()))
        .append(' ')
        .append(user)
        .append('/')
        .append(group)
        .append(' ');
    int pad = TOTAL_CHARS - user.length() - group.length();
    if (inode instanceof Inode.Device device) {
      // printf("%*s%3d,%3d ", pad, " ", (int) rdev >> 8, (int) rdev & 0xff)
      int rdev = (int) device.rdev();
      line.append(" ".repeat(Math.max(pad - 7, 1)));
      line.append(String.format(Locale.ROOT, "%3d,%3d ", rdev >> 8, rdev & 0xff));
    } else {
      String size = Long.toString(size(inode));
      line.append(" ".repeat(Math.max(0, pad - size.length()))).append(size).append(' ');
    }
    LocalDateTime time = LocalDateTime.ofEpochSecond(a.mtime(), 0, ZoneOffset.UTC);
    line.append(
        String.format(
            Locale.ROOT,
            "%d-%02d-%02d %02d:%02d ",
            time.getYear(),
            time.getMonthValue(),
            time.getDayOfMonth(),
            time.getHour(),
            time.getMinute()));
    line.append(path);
    if (inode instanceof Inode.Symlink symlink) {
      line.append(" -> ").append(symlink.target());
    }
    line.append('\n');
    out.write(line.toString().getBytes(StandardCharsets.ISO_8859_1));
  }

  private static long size(Inode inode) {
    if (inode instanceof Inode.File file) {
      return file.size();
    }
    if (inode instanceof Inode.Directory directory) {
      return directory.size();
    }
    if (inode instanceof Inode.Symlink symlink) {
      return symlink.target().length();
    }
    return 0;
  }

  /** {@code ls -l}'s mode column, as unsquashfs's table builds it. */
  static String modeString(int mode) {
    char[] s = "----------".toCharArray();
    switch (mode & Format.S_IFMT) {
      case 0140000 -> s[0] = 's';
      case 0120000 -> s[0] = 'l';
      case 0060000 -> s[0] = 'b';
      case 0040000 -> s[0] = 'd';
      case 0020000 -> s[0] = 'c';
      case 0010000 -> s[0] = 'p';
      default -> {}
    }
    if ((mode & 0400) != 0) {
      s[1] = 'r';
    }
    if ((mode & 0200) != 0) {
      s[2] = 'w';
    }
    if ((mode & 0040) != 0) {
      s[4] = 'r';
    }
    if ((mode & 0020) != 0) {
      s[5] = 'w';
    }
    if ((mode & 0004) != 0) {
      s[7] = 'r';
    }
    if ((mode & 0002) != 0) {
      s[8] = 'w';
    }
    s[3] = execute(mode, 0100, 04000, 's', 'S');
    s[6] = execute(mode, 0010, 02000, 's', 'S');
    s[9] = execute(mode, 0001, 01000, 't', 'T');
    return new String(s);
  }

  private static char execute(int mode, int execute, int special, char both, char specialOnly) {
    boolean x = (mode & execute) != 0;
    boolean set = (mode & special) != 0;
    return x && set ? both : set ? specialOnly : x ? 'x' : '-';
  }
}

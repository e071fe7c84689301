package dev.capsem.core.internal.tar;

import java.util.List;
import java.util.Objects;

/**
 * One member of a tar stream, after its pax and GNU extension headers are applied.
 *
 * @param path the member's name as a byte string (one {@code char} per byte, ISO-8859-1), with the
 *     trailing {@code /} of a directory removed; leading {@code ./} and {@code /} are kept (the
 *     caller decides what they mean)
 * @param type the header's type flag ({@code '0'} file, {@code '5'} directory, ...)
 * @param size the data size in bytes
 * @param mode the permission and set-id bits ({@code 07777})
 * @param uid the numeric owner
 * @param gid the numeric group
 * @param mtime seconds since the epoch
 * @param linkName the target of a symbolic or hard link, as a byte string, or empty
 * @param devMajor the device major number of a character or block device
 * @param devMinor the device minor number of a character or block device
 * @param xattrs the pax {@code SCHILY.xattr.*} records, in stream order
 */
public record TarEntry(
    String path,
    char type,
    long size,
    int mode,
    long uid,
    long gid,
    long mtime,
    String linkName,
    long devMajor,
    long devMinor,
    List<Xattr> xattrs) {

  /** What a member is. */
  public enum Kind {
    FILE,
    HARD_LINK,
    SYMLINK,
    CHARACTER_DEVICE,
    BLOCK_DEVICE,
    DIRECTORY,
    FIFO,
    /** Anything else (GNU sparse files, volume labels, vendor types). */
    OTHER
  }

  public TarEntry {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(linkName, "linkName");
    xattrs = List.copyOf(xattrs);
  }

  public Kind kind() {
    return switch (type) {
      case '0', '\0', '7' -> Kind.FILE;
      case '1' -> Kind.HARD_LINK;
      case '2' -> Kind.SYMLINK;
      case '3' -> Kind.CHARACTER_DEVICE;
      case '4' -> Kind.BLOCK_DEVICE;
      case '5' -> Kind.DIRECTORY;
      case '6' -> Kind.FIFO;
      default -> Kind.OTHER;
    };
  }

  /** Regular files, as Python's {@code TarInfo.isfile()} counts them. */
  public boolean isFile() {
    return kind() == Kind.FILE;
  }
}

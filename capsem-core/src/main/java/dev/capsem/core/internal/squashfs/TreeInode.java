package dev.capsem.core.internal.squashfs;

import dev.capsem.core.internal.tar.Xattr;
import java.util.List;
import java.util.TreeMap;

/**
 * One inode of the tree being written. Names live in the parent's {@link #children} map; a hard
 * link is the same object under two names. Numbers, link counts and references are assigned when
 * the tables are written.
 */
final class TreeInode {

  /** The basic squashfs type, 1 (directory) to 7 (socket). */
  int type;

  /** Permission and set-id bits, {@code 07777}. */
  int mode;

  long uid;
  long gid;
  List<Xattr> xattrs = List.of();

  /** A directory's entries by name; sorted as byte strings, which is squashfs's order. */
  TreeMap<String, TreeInode> children;

  /** A file's data, once its content has been read. */
  FileData data;

  /** A symbolic link's target, a byte string. */
  String target;

  /** A device's encoded {@code rdev}. */
  long rdev;

  // Assigned while writing the tables.
  long number;
  long links;
  long reference = -1;

  static TreeInode directory(int mode, long uid, long gid) {
    TreeInode d = new TreeInode();
    d.type = Format.DIRECTORY;
    d.mode = mode;
    d.uid = uid;
    d.gid = gid;
    d.children = new TreeMap<>();
    return d;
  }

  boolean isDirectory() {
    return type == Format.DIRECTORY;
  }
}

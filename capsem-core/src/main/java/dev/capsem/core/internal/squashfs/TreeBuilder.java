package dev.capsem.core.internal.squashfs;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.tar.TarEntry;
import dev.capsem.core.internal.tar.TarFormatException;
import dev.capsem.core.internal.tar.TarReader;
import dev.capsem.core.internal.tar.Xattr;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the tree a tar stream describes, as {@code tar -x --numeric-owner --xattrs} would unpack
 * it into an empty folder owned by root: owners and modes from the headers, parents the stream
 * never names made {@code 0755} and owned by root, a later member replacing an earlier one of the
 * same path, hard links sharing their target's inode. File contents go to the {@link DataWriter} as
 * they stream past.
 */
final class TreeBuilder {

  private static final int DEFAULT_DIRECTORY_MODE = 0755;

  private final DataWriter data;
  private final TreeInode root = TreeInode.directory(DEFAULT_DIRECTORY_MODE, 0, 0);
  private final List<Diagnostic> warnings = new ArrayList<>();

  TreeBuilder(DataWriter data) {
    this.data = data;
  }

  TreeInode root() {
    return root;
  }

  List<Diagnostic> warnings() {
    return List.copyOf(warnings);
  }

  /** Reads every member of {@code tar} into the tree. */
  void read(TarReader tar) throws IOException {
    while (true) {
      TarEntry entry;
      try {
        entry = tar.next();
      } catch (TarFormatException e) {
        throw new SquashfsException(Code.E535, "tar stream is damaged: " + e.getMessage(), e);
      }
      if (entry == null) {
        return;
      }
      try {
        add(entry, tar);
      } catch (TarFormatException e) {
        throw new SquashfsException(
            Code.E535,
            "tar stream is damaged at " + shown(entry.path()) + ": " + e.getMessage(),
            e);
      }
    }
  }

  private void add(TarEntry entry, TarReader tar) throws IOException {
    List<String> parts = components(entry.path());
    TarEntry.Kind kind = entry.kind();
    if (parts.isEmpty()) {
      if (kind != TarEntry.Kind.DIRECTORY) {
        throw unfit(entry, "the root can only be a directory");
      }
      attributes(root, entry);
      return;
    }
    TreeInode parent = parent(entry, parts);
    String name = parts.get(parts.size() - 1);
    TreeInode existing = parent.children.get(name);
    TreeInode inode;
    switch (kind) {
      case DIRECTORY -> {
        inode =
            existing != null && existing.isDirectory()
                ? existing
                : TreeInode.directory(DEFAULT_DIRECTORY_MODE, 0, 0);
        attributes(inode, entry);
      }
      case FILE -> {
        inode = new TreeInode();
        inode.type = Format.FILE;
        attributes(inode, entry);
        inode.data = data.add(tar.content(), entry.size());
      }
      case HARD_LINK -> {
        TreeInode target = find(components(entry.linkName()));
        if (target == null || target.isDirectory()) {
          throw unfit(
              entry,
              "hard link to "
                  + shown(entry.linkName())
                  + (target == null ? ", which the stream has not named before" : ", a directory"));
        }
        inode = target;
      }
      case SYMLINK -> {
        inode = new TreeInode();
        inode.type = Format.SYMLINK;
        attributes(inode, entry);
        inode.mode = 0777;
        if (entry.linkName().isEmpty() || entry.linkName().length() > Format.SYMLINK_MAX) {
          throw unfit(entry, "a symbolic link needs a target of 1 to 65535 bytes");
        }
        inode.target = entry.linkName();
      }
      case CHARACTER_DEVICE, BLOCK_DEVICE -> {
        inode = new TreeInode();
        inode.type =
            kind == TarEntry.Kind.CHARACTER_DEVICE ? Format.CHARACTER_DEVICE : Format.BLOCK_DEVICE;
        attributes(inode, entry);
        long major = entry.devMajor();
        long minor = entry.devMinor();
        if (major > 0xfff || minor > 0xfffff) {
          throw unfit(entry, "device " + major + "," + minor + " is beyond what squashfs encodes");
        }
        inode.rdev = (major << 8) | (minor & 0xff) | ((minor & ~0xffL) << 12);
      }
      case FIFO -> {
        inode = new TreeInode();
        inode.type = Format.FIFO;
        attributes(inode, entry);
      }
      default ->
          throw unfit(
              entry,
              "member type '"
                  + (entry.type() == 'S' ? "S' (GNU sparse file)" : entry.type() + "'")
                  + " is not supported");
    }
    parent.children.put(name, inode);
  }

  /** The directory that holds the member, its missing ancestors made as tar makes them. */
  private TreeInode parent(TarEntry entry, List<String> parts) throws SquashfsException {
    TreeInode current = root;
    for (String part : parts.subList(0, parts.size() - 1)) {
      TreeInode next = current.children.get(part);
      if (next == null) {
        next = TreeInode.directory(DEFAULT_DIRECTORY_MODE, 0, 0);
        current.children.put(part, next);
      } else if (!next.isDirectory()) {
        throw unfit(entry, "a parent, " + shown(part) + ", is not a directory");
      }
      current = next;
    }
    return current;
  }

  private TreeInode find(List<String> parts) {
    TreeInode current = root;
    for (String part : parts) {
      if (current.children == null) {
        return null;
      }
      current = current.children.get(part);
      if (current == null) {
        return null;
      }
    }
    return parts.isEmpty() ? null : current;
  }

  private void attributes(TreeInode inode, TarEntry entry) throws SquashfsException {
    if (entry.uid() > 0xffffffffL
        || entry.gid() > 0xffffffffL
        || entry.uid() < 0
        || entry.gid() < 0) {
      throw unfit(entry, "owner " + entry.uid() + ":" + entry.gid() + " is beyond 32 bits");
    }
    inode.mode = entry.mode() & 07777;
    inode.uid = entry.uid();
    inode.gid = entry.gid();
    List<Xattr> kept = new ArrayList<>();
    for (Xattr xattr : entry.xattrs()) {
      if (prefix(xattr.name()) < 0 || xattr.name().length() == prefixLength(xattr.name())) {
        warnings.add(
            Diagnostic.of(
                Code.W530,
                null,
                "",
                null,
                shown(entry.path())
                    + ": extended attribute "
                    + shown(xattr.name())
                    + " dropped (squashfs stores user., trusted. and security. ones only)"));
      } else if (xattr.value().length > 65536) {
        throw unfit(entry, "extended attribute " + shown(xattr.name()) + " is over 64 KiB");
      } else {
        kept.add(xattr);
      }
    }
    inode.xattrs = List.copyOf(kept);
  }

  /** The squashfs prefix id of an xattr name, or -1 when squashfs cannot store it. */
  static int prefix(String name) {
    for (int i = 0; i < Format.XATTR_PREFIXES.length; i++) {
      if (name.startsWith(Format.XATTR_PREFIXES[i])) {
        return i;
      }
    }
    return -1;
  }

  private static int prefixLength(String name) {
    int id = prefix(name);
    return id < 0 ? 0 : Format.XATTR_PREFIXES[id].length();
  }

  /**
   * A member's path as components: leading {@code /} and {@code ./} dropped (as tar strips them),
   * empty and {@code .} components skipped; {@code ..} refused, since it would escape the root.
   */
  private List<String> components(String path) throws SquashfsException {
    List<String> parts = new ArrayList<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        throw new SquashfsException(
            Code.E536, "tar member " + shown(path) + ": '..' in a path would leave the root");
      }
      if (part.length() > Format.NAME_MAX) {
        throw new SquashfsException(
            Code.E536,
            "tar member " + shown(path) + ": a name is longer than " + Format.NAME_MAX + " bytes");
      }
      parts.add(part);
    }
    return parts;
  }

  private static SquashfsException unfit(TarEntry entry, String why) {
    return new SquashfsException(Code.E536, "tar member " + shown(entry.path()) + ": " + why);
  }

  /** A byte string as the UTF-8 text it most likely is, for messages. */
  static String shown(String bytes) {
    return new String(bytes.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
  }
}

package dev.capsem.core.internal.squashfs;

import dev.capsem.core.diag.Code;
import dev.capsem.core.internal.tar.Xattr;
import dev.capsem.core.ports.SquashfsCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metadata of a written image, in mksquashfs's order: inode numbers given parents before
 * children (the root last), then inodes written children before their directory (a directory's
 * listing just before its own inode), ids and xattr sets numbered as inodes first use them.
 */
final class Tables {

  private final SquashfsCodec codec;
  private final long time;
  private final MetadataWriter inodes;
  private final MetadataWriter directories;
  private final Map<Long, Integer> ids = new LinkedHashMap<>();
  private final Map<List<Xattr>, Integer> xattrSets = new LinkedHashMap<>();
  private long count;

  Tables(SquashfsCodec codec, long time) {
    this.codec = codec;
    this.time = time;
    this.inodes = new MetadataWriter(codec);
    this.directories = new MetadataWriter(codec);
  }

  /** Numbers every inode and counts its links; returns the inode count. */
  long number(TreeInode root) {
    count = 0;
    numberChildren(root);
    root.number = ++count;
    root.links = 2 + subdirectories(root);
    return count;
  }

  private void numberChildren(TreeInode directory) {
    for (TreeInode child : directory.children.values()) {
      if (child.number == 0) {
        child.number = ++count;
      }
      if (child.isDirectory()) {
        child.links = 2 + subdirectories(child);
        numberChildren(child);
      } else {
        child.links++;
      }
    }
  }

  private static long subdirectories(TreeInode directory) {
    return directory.children.values().stream().filter(TreeInode::isDirectory).count();
  }

  /** Writes every inode and listing; returns the root's reference. */
  long write(TreeInode root) throws SquashfsException {
    writeDirectory(root, count + 1);
    return root.reference;
  }

  private void writeDirectory(TreeInode directory, long parent) throws SquashfsException {
    DirectoryListing listing = new DirectoryListing();
    int nameBytes = 0;
    for (Map.Entry<String, TreeInode> entry : directory.children.entrySet()) {
      TreeInode child = entry.getValue();
      if (child.reference < 0) {
        if (child.isDirectory()) {
          writeDirectory(child, directory.number);
        } else {
          writeInode(child);
        }
      }
      listing.add(entry.getKey(), child.reference, child.number, child.type);
      nameBytes += entry.getKey().length() + 8;
    }
    byte[] bytes = listing.bytes();
    long block = directories.block();
    int offset = directories.offset();
    List<long[]> indexStarts = new ArrayList<>();
    int written = 0;
    for (DirectoryListing.Index index : listing.indexes()) {
      directories.write(bytes, written, index.offset() - written);
      written = index.offset();
      indexStarts.add(new long[] {index.offset(), directories.block()});
    }
    directories.write(bytes, written, bytes.length - written);

    int entries = directory.children.size();
    long size = bytes.length + 3L;
    int xattr = xattrIndex(directory.xattrs);
    boolean extended = entries >= 257 || nameBytes >= Format.METADATA_SIZE || xattr >= 0;
    directory.reference = inodes.reference();
    Bytes inode =
        header(directory, extended ? Format.DIRECTORY + Format.EXTENDED : Format.DIRECTORY);
    if (extended) {
      inode.u32(directory.links).u32(size).u32(block).u32(parent);
      inode.u16(indexStarts.size()).u16(offset).u32(xattr < 0 ? Format.NO_XATTR : xattr);
      List<DirectoryListing.Index> indexes = listing.indexes();
      for (int i = 0; i < indexes.size(); i++) {
        byte[] name = indexes.get(i).name().getBytes(StandardCharsets.ISO_8859_1);
        inode.u32(indexes.get(i).offset()).u32(indexStarts.get(i)[1]).u32(name.length - 1);
        inode.bytes(name);
      }
    } else {
      if (size > 0xffff) {
        throw new SquashfsException(Code.E536, "a directory listing is too large for squashfs");
      }
      inode.u32(block).u32(directory.links).u16(size).u16(offset).u32(parent);
    }
    inodes.write(inode.array());
  }

  private void writeInode(TreeInode node) throws SquashfsException {
    node.reference = inodes.reference();
    int xattr = xattrIndex(node.xattrs);
    boolean hasXattr = xattr >= 0;
    long xattrWord = hasXattr ? xattr : Format.NO_XATTR;
    switch (node.type) {
      case Format.FILE -> {
        FileData data = node.data;
        long sparse = data.sparse;
        if (sparse != 0 && sparse >= data.size) {
          sparse = data.size - 1;
        }
        long fragment = data.hasFragment() ? data.fragment : Format.NO_FRAGMENT;
        boolean extended =
            node.links > 1
                || data.size >= 1L << 32
                || data.start >= 1L << 32
                || sparse != 0
                || hasXattr;
        Bytes inode = header(node, extended ? Format.FILE + Format.EXTENDED : Format.FILE);
        if (extended) {
          inode.u64(data.start).u64(data.size).u64(sparse).u32(node.links);
          inode.u32(fragment).u32(data.fragmentOffset).u32(xattrWord);
        } else {
          inode.u32(data.start).u32(fragment).u32(data.fragmentOffset).u32(data.size);
        }
        for (int word : data.words) {
          inode.u32(word & 0xffffffffL);
        }
        inodes.write(inode.array());
      }
      case Format.SYMLINK -> {
        byte[] target = node.target.getBytes(StandardCharsets.ISO_8859_1);
        Bytes inode = header(node, hasXattr ? Format.SYMLINK + Format.EXTENDED : Format.SYMLINK);
        inode.u32(node.links).u32(target.length).bytes(target);
        if (hasXattr) {
          inode.u32(xattrWord);
        }
        inodes.write(inode.array());
      }
      case Format.BLOCK_DEVICE, Format.CHARACTER_DEVICE -> {
        Bytes inode = header(node, hasXattr ? node.type + Format.EXTENDED : node.type);
        inode.u32(node.links).u32(node.rdev);
        if (hasXattr) {
          inode.u32(xattrWord);
        }
        inodes.write(inode.array());
      }
      default -> {
        Bytes inode = header(node, hasXattr ? node.type + Format.EXTENDED : node.type);
        inode.u32(node.links);
        if (hasXattr) {
          inode.u32(xattrWord);
        }
        inodes.write(inode.array());
      }
    }
  }

  private Bytes header(TreeInode node, int type) throws SquashfsException {
    return new Bytes()
        .u16(type)
        .u16(node.mode & 07777)
        .u16(id(node.uid))
        .u16(id(node.gid))
        .u32(time)
        .u32(node.number);
  }

  private int id(long value) throws SquashfsException {
    Integer index = ids.get(value);
    if (index == null) {
      if (ids.size() == 65536) {
        throw new SquashfsException(Code.E536, "more than 65536 distinct owners and groups");
      }
      index = ids.size();
      ids.put(value, index);
    }
    return index;
  }

  private int xattrIndex(List<Xattr> xattrs) {
    if (xattrs.isEmpty()) {
      return -1;
    }
    return xattrSets.computeIfAbsent(xattrs, k -> xattrSets.size());
  }

  byte[] inodeTable() {
    return inodes.finish();
  }

  byte[] directoryTable() {
    return directories.finish();
  }

  int idCount() {
    return ids.size();
  }

  /** The id table from {@code start}: its metadata blocks, and the index of their positions. */
  byte[][] idTable(long start) {
    Bytes entries = new Bytes();
    for (long id : ids.keySet()) {
      entries.u32(id);
    }
    return metadataBlocks(entries.array(), start);
  }

  /** The fragment table's metadata blocks and index. */
  byte[][] fragmentTable(List<DataWriter.FragmentEntry> fragments, long start) {
    Bytes entries = new Bytes();
    for (DataWriter.FragmentEntry f : fragments) {
      entries.u64(f.start()).u32(f.word() & 0xffffffffL).u32(0);
    }
    return metadataBlocks(entries.array(), start);
  }

  boolean hasXattrs() {
    return !xattrSets.isEmpty();
  }

  /**
   * The xattr tables from {@code start}: {@code [key/value and id blocks, header and index]}; the
   * superblock points at the header, which follows the blocks.
   */
  byte[][] xattrTable(long start) {
    MetadataWriter keyValues = new MetadataWriter(codec);
    Bytes idEntries = new Bytes();
    for (List<Xattr> set : xattrSets.keySet()) {
      long reference = keyValues.reference();
      long size = 0;
      for (Xattr xattr : set) {
        int prefix = TreeBuilder.prefix(xattr.name());
        byte[] name =
            xattr
                .name()
                .substring(Format.XATTR_PREFIXES[prefix].length())
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] value = xattr.value();
        keyValues.write(
            new Bytes()
                .u16(prefix)
                .u16(name.length)
                .bytes(name)
                .u32(value.length)
                .bytes(value)
                .array());
        size += xattr.name().length() + 1 + value.length;
      }
      idEntries.u64(reference).u32(set.size()).u32(size);
    }
    byte[] kv = keyValues.finish();
    byte[][] ids = metadataBlocks(idEntries.array(), start + kv.length);
    byte[] blocks = new byte[kv.length + ids[0].length];
    System.arraycopy(kv, 0, blocks, 0, kv.length);
    System.arraycopy(ids[0], 0, blocks, kv.length, ids[0].length);
    Bytes header = new Bytes().u64(start).u32(xattrSets.size()).u32(0).bytes(ids[1]);
    return new byte[][] {blocks, header.array()};
  }

  /** Entries in 8 KiB metadata blocks from {@code start}, and the positions of those blocks. */
  private byte[][] metadataBlocks(byte[] entries, long start) {
    Bytes blocks = new Bytes();
    Bytes index = new Bytes();
    for (int at = 0; at < entries.length; at += Format.METADATA_SIZE) {
      int length = Math.min(Format.METADATA_SIZE, entries.length - at);
      MetadataWriter one = new MetadataWriter(codec);
      one.write(entries, at, length);
      index.u64(start + blocks.size());
      blocks.bytes(one.finish());
    }
    return new byte[][] {blocks.array(), index.array()};
  }
}

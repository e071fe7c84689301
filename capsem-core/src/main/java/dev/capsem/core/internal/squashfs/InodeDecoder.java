package dev.capsem.core.internal.squashfs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Decodes one inode of a squashfs 4.0 image, checking every field against the superblock so that a
 * hostile image fails with E531 instead of steering later reads.
 */
final class InodeDecoder {

  private final Superblock superblock;
  private final long[] ids;
  private final XattrTable xattrs;
  private final int blockSize;

  InodeDecoder(Superblock superblock, long[] ids, XattrTable xattrs, int blockSize) {
    this.superblock = superblock;
    this.ids = ids;
    this.xattrs = xattrs;
    this.blockSize = blockSize;
  }

  /** The inode whose header starts at {@code in}; {@code reference} names it. */
  Inode decode(long reference, MetadataCursor in) throws IOException {
    int type = in.u16();
    int storedMode = in.u16();
    int uidIndex = in.u16();
    int gidIndex = in.u16();
    long mtime = in.u32();
    long number = in.u32();
    if (type < 1 || type > 14) {
      throw SquashfsException.corrupt("inode " + number + " has an invalid type " + type);
    }
    if (uidIndex >= ids.length || gidIndex >= ids.length) {
      throw SquashfsException.corrupt("inode " + number + " has an id index past the id table");
    }
    if (number == 0 || number > superblock.inodes()) {
      throw SquashfsException.corrupt("inode number " + number + " is out of range");
    }
    int basic = Format.basicType(type);
    int mode = Format.TYPE_BITS[basic] | storedMode;
    long uid = ids[uidIndex];
    long gid = ids[gidIndex];
    boolean extended = type > Format.EXTENDED;
    switch (basic) {
      case Format.DIRECTORY -> {
        long links;
        long size;
        long block0;
        long parent;
        int indexCount = 0;
        int listingOffset;
        long xattr = Format.NO_XATTR;
        if (extended) {
          links = in.u32();
          size = in.u32();
          block0 = in.u32();
          parent = in.u32();
          indexCount = in.u16();
          listingOffset = in.u16();
          xattr = in.u32();
        } else {
          block0 = in.u32();
          links = in.u32();
          size = in.u16();
          listingOffset = in.u16();
          parent = in.u32();
        }
        if (size < 3) {
          throw SquashfsException.corrupt("directory inode " + number + " has size " + size);
        }
        if (listingOffset >= Format.METADATA_SIZE) {
          throw SquashfsException.corrupt("directory inode " + number + " has a bad offset");
        }
        return new Inode.Directory(
            attributes(reference, type, mode, uid, gid, mtime, number, links, xattr),
            block0,
            listingOffset,
            size,
            parent,
            indexCount);
      }
      case Format.FILE -> {
        long start;
        long size;
        long sparse = 0;
        long links = 1;
        long fragment;
        long fragmentOffset;
        long xattr = Format.NO_XATTR;
        if (extended) {
          start = in.u64();
          size = in.u64();
          sparse = in.u64();
          links = in.u32();
          fragment = in.u32();
          fragmentOffset = in.u32();
          xattr = in.u32();
        } else {
          start = in.u32();
          fragment = in.u32();
          fragmentOffset = in.u32();
          size = in.u32();
        }
        if (size < 0 || size > 1L << 52) {
          throw SquashfsException.corrupt(
              "file inode " + number + " claims " + Long.toUnsignedString(size) + " bytes");
        }
        if (start < 0 || start > superblock.inodeTableStart()) {
          throw SquashfsException.corrupt("file inode " + number + " starts outside the data");
        }
        boolean hasFragment = fragment != Format.NO_FRAGMENT;
        if (hasFragment && (fragment >= superblock.fragments() || fragmentOffset >= blockSize)) {
          throw SquashfsException.corrupt("file inode " + number + " has a bad fragment");
        }
        return new Inode.File(
            attributes(reference, type, mode, uid, gid, mtime, number, links, xattr),
            size,
            start,
            hasFragment ? fragment : -1,
            (int) fragmentOffset,
            sparse,
            in.block(),
            in.offset());
      }
      case Format.SYMLINK -> {
        long links = in.u32();
        long length = in.u32();
        if (length > Format.SYMLINK_MAX) {
          throw SquashfsException.corrupt("symlink inode " + number + " is " + length + " long");
        }
        String target = new String(in.bytes((int) length), StandardCharsets.ISO_8859_1);
        long xattr = extended ? in.u32() : Format.NO_XATTR;
        return new Inode.Symlink(
            attributes(reference, type, mode, uid, gid, mtime, number, links, xattr), target);
      }
      case Format.BLOCK_DEVICE, Format.CHARACTER_DEVICE -> {
        long links = in.u32();
        long rdev = in.u32();
        long xattr = extended ? in.u32() : Format.NO_XATTR;
        return new Inode.Device(
            attributes(reference, type, mode, uid, gid, mtime, number, links, xattr), rdev);
      }
      default -> {
        long links = in.u32();
        long xattr = extended ? in.u32() : Format.NO_XATTR;
        return new Inode.Special(
            attributes(reference, type, mode, uid, gid, mtime, number, links, xattr));
      }
    }
  }

  private Inode.Attributes attributes(
      long reference,
      int type,
      int mode,
      long uid,
      long gid,
      long mtime,
      long number,
      long links,
      long xattr)
      throws SquashfsException {
    long index = xattr == Format.NO_XATTR ? -1 : xattr;
    if (index >= 0 && (xattrs == null || index >= xattrs.count())) {
      throw SquashfsException.corrupt("inode " + number + " names a missing xattr set " + index);
    }
    return new Inode.Attributes(reference, type, mode, uid, gid, mtime, number, links, index);
  }
}

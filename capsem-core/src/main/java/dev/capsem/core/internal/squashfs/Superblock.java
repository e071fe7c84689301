package dev.capsem.core.internal.squashfs;

import dev.capsem.core.diag.Code;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;

/**
 * The 96-byte squashfs 4.0 superblock. Table positions are absolute byte offsets; {@link
 * Format#NO_TABLE} marks an absent xattr or export table.
 */
record Superblock(
    long inodes,
    long mkfsTime,
    int blockSize,
    long fragments,
    int compression,
    int blockLog,
    int flags,
    int ids,
    long rootInode,
    long bytesUsed,
    long idTableStart,
    long xattrTableStart,
    long inodeTableStart,
    long directoryTableStart,
    long fragmentTableStart,
    long exportTableStart) {

  /** Reads and checks a superblock against the size of the image that holds it. */
  static Superblock parse(byte[] bytes, long imageSize) throws SquashfsException {
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int magic = b.getInt();
    if (magic != Format.MAGIC) {
      throw new SquashfsException(
          Code.E530, String.format(Locale.ROOT, "not a squashfs image: bad magic 0x%08x", magic));
    }
    long inodes = Integer.toUnsignedLong(b.getInt());
    long mkfsTime = Integer.toUnsignedLong(b.getInt());
    long blockSize = Integer.toUnsignedLong(b.getInt());
    long fragments = Integer.toUnsignedLong(b.getInt());
    int compression = Short.toUnsignedInt(b.getShort());
    int blockLog = Short.toUnsignedInt(b.getShort());
    int flags = Short.toUnsignedInt(b.getShort());
    int ids = Short.toUnsignedInt(b.getShort());
    int major = Short.toUnsignedInt(b.getShort());
    int minor = Short.toUnsignedInt(b.getShort());
    if (major != 4 || minor != 0) {
      throw new SquashfsException(
          Code.E530,
          "not a squashfs 4.0 image: version " + major + "." + minor + " is not supported");
    }
    Superblock s =
        new Superblock(
            inodes,
            mkfsTime,
            (int) Math.min(blockSize, Integer.MAX_VALUE),
            fragments,
            compression,
            blockLog,
            flags,
            ids,
            b.getLong(),
            b.getLong(),
            b.getLong(),
            b.getLong(),
            b.getLong(),
            b.getLong(),
            b.getLong(),
            b.getLong());
    s.check(blockSize, imageSize);
    return s;
  }

  private void check(long rawBlockSize, long imageSize) throws SquashfsException {
    if (rawBlockSize < 4096 || rawBlockSize > (1 << 20) || Long.bitCount(rawBlockSize) != 1) {
      throw corrupt("block size " + rawBlockSize + " is not a power of two from 4 KiB to 1 MiB");
    }
    if (1L << blockLog != rawBlockSize) {
      throw corrupt("block log " + blockLog + " does not match block size " + rawBlockSize);
    }
    if (bytesUsed < Format.SUPERBLOCK_SIZE || bytesUsed > imageSize) {
      throw corrupt(
          "the superblock says the image holds "
              + Long.toUnsignedString(bytesUsed)
              + " bytes, the file has "
              + imageSize);
    }
    if (inodes == 0) {
      throw corrupt("no inodes");
    }
    if (ids == 0 || ids > inodes * 2) {
      throw corrupt("bad id count " + ids);
    }
    if (fragments > inodes) {
      throw corrupt("more fragments (" + fragments + ") than inodes (" + inodes + ")");
    }
    // The tables follow the data in this order; each must start inside the image, after the
    // one before it.
    long data = Format.SUPERBLOCK_SIZE;
    inOrder("inode table", data, inodeTableStart, false);
    inOrder("directory table", inodeTableStart + 1, directoryTableStart, false);
    inOrder("fragment table", directoryTableStart, fragmentTableStart, false);
    long after = fragmentTableStart;
    if (exportTableStart != Format.NO_TABLE) {
      inOrder("export table", after, exportTableStart, false);
      after = exportTableStart;
    }
    inOrder("id table", after, idTableStart, true);
    if (xattrTableStart != Format.NO_TABLE) {
      inOrder("xattr table", idTableStart + 1, xattrTableStart, true);
    }
  }

  private void inOrder(String table, long earliest, long start, boolean strictlyInside)
      throws SquashfsException {
    boolean inside = strictlyInside ? start < bytesUsed : start <= bytesUsed;
    if (start < earliest || !inside) {
      throw corrupt(table + " starts at " + Long.toUnsignedString(start) + ", out of place");
    }
  }

  private static SquashfsException corrupt(String message) {
    return SquashfsException.corrupt("superblock: " + message);
  }

  boolean has(int flag) {
    return (flags & flag) != 0;
  }

  /** The 96 bytes of this superblock. */
  byte[] bytes() {
    ByteBuffer b = ByteBuffer.allocate(Format.SUPERBLOCK_SIZE).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(Format.MAGIC)
        .putInt((int) inodes)
        .putInt((int) mkfsTime)
        .putInt(blockSize)
        .putInt((int) fragments)
        .putShort((short) compression)
        .putShort((short) blockLog)
        .putShort((short) flags)
        .putShort((short) ids)
        .putShort((short) 4)
        .putShort((short) 0)
        .putLong(rootInode)
        .putLong(bytesUsed)
        .putLong(idTableStart)
        .putLong(xattrTableStart)
        .putLong(inodeTableStart)
        .putLong(directoryTableStart)
        .putLong(fragmentTableStart)
        .putLong(exportTableStart);
    return b.array();
  }
}

package dev.capsem.core.internal.squashfs;

/** The constants of the squashfs 4.0 on-disk format (squashfs_fs.h). */
final class Format {

  static final int MAGIC = 0x73717368;
  static final int SUPERBLOCK_SIZE = 96;
  static final int METADATA_SIZE = 8192;

  /** Bit 15 of a metadata block's length: the block is stored uncompressed. */
  static final int METADATA_UNCOMPRESSED = 0x8000;

  /** Bit 24 of a data or fragment block's size: the block is stored uncompressed. */
  static final int DATA_UNCOMPRESSED = 1 << 24;

  static final long NO_TABLE = -1L;
  static final long NO_FRAGMENT = 0xFFFFFFFFL;
  static final long NO_XATTR = 0xFFFFFFFFL;

  static final int DIRECTORY = 1;
  static final int FILE = 2;
  static final int SYMLINK = 3;
  static final int BLOCK_DEVICE = 4;
  static final int CHARACTER_DEVICE = 5;
  static final int FIFO = 6;
  static final int SOCKET = 7;

  /** Extended types are the basic type plus 7 (a directory with an index or xattrs is 8). */
  static final int EXTENDED = 7;

  static final int FLAG_UNCOMPRESSED_INODES = 0x1;
  static final int FLAG_UNCOMPRESSED_DATA = 0x2;
  static final int FLAG_UNCOMPRESSED_FRAGMENTS = 0x8;
  static final int FLAG_NO_FRAGMENTS = 0x10;
  static final int FLAG_ALWAYS_FRAGMENTS = 0x20;
  static final int FLAG_DUPLICATES = 0x40;
  static final int FLAG_EXPORTABLE = 0x80;
  static final int FLAG_UNCOMPRESSED_XATTRS = 0x100;
  static final int FLAG_NO_XATTRS = 0x200;
  static final int FLAG_COMPRESSOR_OPTIONS = 0x400;
  static final int FLAG_UNCOMPRESSED_IDS = 0x800;

  /** Longest name in a directory entry, and entries under one directory header. */
  static final int NAME_MAX = 256;

  static final int ENTRIES_PER_HEADER = 256;
  static final int SYMLINK_MAX = 65535;

  /** Xattr name prefixes by id, and the flag of a value stored out of line. */
  static final String[] XATTR_PREFIXES = {"user.", "trusted.", "security."};

  static final int XATTR_OUT_OF_LINE = 0x100;

  /** S_IFMT bits of each basic type, indexed by type. */
  static final int[] TYPE_BITS = {
    0, 0040000, 0100000, 0120000, 0060000, 0020000, 0010000, 0140000,
  };

  static final int S_IFMT = 0170000;

  private Format() {}

  static int basicType(int type) {
    return type > EXTENDED ? type - EXTENDED : type;
  }
}

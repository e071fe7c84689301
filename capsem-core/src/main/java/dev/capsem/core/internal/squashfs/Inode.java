package dev.capsem.core.internal.squashfs;

/**
 * One inode of an image: what every kind shares ({@link Attributes}), and what each kind adds.
 * Block lists are not held: a file's blocks are read as its content streams.
 */
public sealed interface Inode
    permits Inode.Directory, Inode.File, Inode.Symlink, Inode.Device, Inode.Special {

  Attributes attributes();

  /** {@code st_mode} (type and permission bits) as unsquashfs shows it. */
  default int mode() {
    return attributes().mode();
  }

  /**
   * What every inode has.
   *
   * @param reference where the inode is: its metadata block (relative to the inode table) shifted
   *     left 16 bits, or'ed with its offset in that block
   * @param type the on-disk type, 1 to 14 (basic types 1 to 7, extended ones 8 to 14)
   * @param mode the type's {@code S_IFMT} bits or'ed with the stored mode bits
   * @param uid the owner, from the id table
   * @param gid the group, from the id table
   * @param mtime seconds since the epoch
   * @param number the inode number, 1 to the superblock's count
   * @param links the link count (1 for basic file inodes, which do not store one)
   * @param xattrIndex the index into the xattr id table, or {@code -1} for none
   */
  record Attributes(
      long reference,
      int type,
      int mode,
      long uid,
      long gid,
      long mtime,
      long number,
      long links,
      long xattrIndex) {

    public int basicType() {
      return Format.basicType(type);
    }
  }

  /**
   * A directory.
   *
   * @param listingBlock the listing's first metadata block, relative to the directory table
   * @param listingOffset the listing's offset inside that block
   * @param size the listing's size plus 3 (what {@code ls} and unsquashfs show)
   * @param parent the parent directory's inode number
   * @param indexCount the number of lookup index entries in an extended directory inode
   */
  record Directory(
      Attributes attributes,
      long listingBlock,
      int listingOffset,
      long size,
      long parent,
      int indexCount)
      implements Inode {}

  /**
   * A regular file.
   *
   * @param size the file's length in bytes
   * @param blocksStart the absolute position of its first data block
   * @param fragment the fragment index holding its tail, or {@code -1} for none
   * @param fragmentOffset the tail's offset in the decompressed fragment block
   * @param sparse bytes not stored because they are zero (extended inodes only)
   * @param blockListBlock where the block sizes start: metadata block, relative to the inode table
   * @param blockListOffset and offset in it
   */
  record File(
      Attributes attributes,
      long size,
      long blocksStart,
      long fragment,
      int fragmentOffset,
      long sparse,
      long blockListBlock,
      int blockListOffset)
      implements Inode {

    public boolean hasFragment() {
      return fragment >= 0;
    }
  }

  /** A symbolic link and its target (a byte string). */
  record Symlink(Attributes attributes, String target) implements Inode {}

  /** A character or block device and its encoded {@code rdev}. */
  record Device(Attributes attributes, long rdev) implements Inode {

    /** The major number, decoded as mksquashfs encodes it. */
    public long major() {
      return (rdev >> 8) & 0xfff;
    }

    /** The minor number, decoded as mksquashfs encodes it. */
    public long minor() {
      return (rdev & 0xff) | ((rdev >> 12) & 0xfff00);
    }
  }

  /** A FIFO or a socket. */
  record Special(Attributes attributes) implements Inode {}
}

package dev.capsem.core.internal.squashfs;

import dev.capsem.core.diag.Code;
import dev.capsem.core.internal.tar.Xattr;
import dev.capsem.core.ports.SquashfsCodec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A squashfs 4.0 image read through the caller's channel: its inodes, directory listings, file
 * contents (streamed block by block), extended attributes, and a walk over the whole tree.
 * Everything read is checked against the superblock's bounds, so a damaged or hostile image fails
 * with a coded {@link SquashfsException} and bounded memory and work. Not thread-safe.
 */
public final class SquashfsImage {

  /** Entries one directory may have: far beyond a real rootfs, small enough to hold in memory. */
  static final int MAX_ENTRIES = 1 << 20;

  /** How deep a walk may go: Linux's PATH_MAX allows no deeper real tree. */
  static final int MAX_DEPTH = 2048;

  private static final Map<Integer, String> COMPRESSION_NAMES =
      Map.of(1, "gzip", 2, "lzma", 3, "lzo", 4, "xz", 5, "lz4", 6, "zstd");

  private final Superblock superblock;
  private final ImageChannel image;
  private final SquashfsCodec codec;
  private final MetadataBlocks metadata;
  private final WorkBudget budget;
  private final long dataStart;
  private final long[] ids;
  private final long fragmentTableEnd;
  private final XattrTable xattrs;
  private final InodeDecoder inodes;
  private final Map<Long, byte[]> fragments =
      new java.util.LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, byte[]> eldest) {
          return size() > 8;
        }
      };

  private SquashfsImage(
      Superblock superblock, ImageChannel image, SquashfsCodec codec, long dataStart)
      throws IOException {
    this.superblock = superblock;
    this.image = image;
    this.codec = codec;
    this.metadata = new MetadataBlocks(image, codec);
    this.budget = new WorkBudget(superblock.bytesUsed());
    this.dataStart = dataStart;
    long afterFragments =
        superblock.exportTableStart() != Format.NO_TABLE
            ? superblock.exportTableStart()
            : superblock.idTableStart();
    this.fragmentTableEnd = afterFragments;
    long idEnd =
        superblock.xattrTableStart() != Format.NO_TABLE
            ? superblock.xattrTableStart()
            : superblock.bytesUsed();
    this.ids = readIds(idEnd);
    this.xattrs =
        superblock.xattrTableStart() == Format.NO_TABLE
            ? null
            : XattrTable.read(
                image, metadata, budget, superblock.xattrTableStart(), superblock.bytesUsed());
    this.inodes = new InodeDecoder(superblock, ids, xattrs, superblock.blockSize());
    checkIndex(
        "fragment table",
        superblock.fragmentTableStart(),
        superblock.fragments() * 16,
        fragmentTableEnd);
  }

  /**
   * Opens the image in {@code channel}, with the codec of its compression id from {@code codecs}.
   *
   * @throws SquashfsException E530 when it is not a squashfs 4.0 image, E531 when its superblock or
   *     tables are damaged, E532 when no codec reads its compression
   */
  public static SquashfsImage open(SeekableByteChannel channel, Collection<SquashfsCodec> codecs)
      throws IOException {
    ImageChannel image = new ImageChannel(channel);
    long size = image.size();
    if (size < Format.SUPERBLOCK_SIZE) {
      throw new SquashfsException(
          Code.E530, "not a squashfs image: " + size + " bytes is shorter than a superblock");
    }
    byte[] bytes = new byte[Format.SUPERBLOCK_SIZE];
    image.read(0, bytes, 0, bytes.length);
    Superblock superblock = Superblock.parse(bytes, size);
    image.limit(superblock.bytesUsed());
    SquashfsCodec codec =
        codecs.stream().filter(c -> c.id() == superblock.compression()).findFirst().orElse(null);
    if (codec == null) {
      String name = COMPRESSION_NAMES.getOrDefault(superblock.compression(), "unknown compression");
      throw new SquashfsException(
          Code.E532,
          "squashfs compression "
              + name
              + " (id "
              + superblock.compression()
              + ") is not supported: rebuild the image with zstd, gzip or xz");
    }
    long dataStart = Format.SUPERBLOCK_SIZE;
    if (superblock.has(Format.FLAG_COMPRESSOR_OPTIONS)) {
      // The options block is a stored metadata block; its settings do not change decoding.
      byte[] header = new byte[2];
      image.read(dataStart, header, 0, 2);
      int length = ((header[0] & 0xff) | (header[1] & 0xff) << 8) & 0x7fff;
      dataStart += 2 + length;
      if (dataStart > superblock.inodeTableStart()) {
        throw SquashfsException.corrupt("compressor options run into the inode table");
      }
    }
    return new SquashfsImage(superblock, image, codec, dataStart);
  }

  // The superblock's facts.

  public long inodeCount() {
    return superblock.inodes();
  }

  public int blockSize() {
    return superblock.blockSize();
  }

  public int compressionId() {
    return superblock.compression();
  }

  public long mkfsTime() {
    return superblock.mkfsTime();
  }

  public long bytesUsed() {
    return superblock.bytesUsed();
  }

  // Inodes and listings.

  /** The root directory. */
  public Inode.Directory root() throws IOException {
    Inode root = inode(superblock.rootInode());
    if (!(root instanceof Inode.Directory directory)) {
      throw SquashfsException.corrupt("the root inode is not a directory");
    }
    return directory;
  }

  /** The inode at {@code reference} (block relative to the inode table, shifted 16, | offset). */
  public Inode inode(long reference) throws IOException {
    long block = reference >>> 16;
    int offset = (int) (reference & 0xffff);
    if (offset >= Format.METADATA_SIZE) {
      throw SquashfsException.corrupt("inode reference offset " + offset + " is too large");
    }
    MetadataCursor in = inodeCursor(block, offset);
    return inodes.decode(reference, in);
  }

  /**
   * The entries of {@code directory}, in their on-disk order (sorted by name, unsigned bytes).
   *
   * @throws SquashfsException E531 when the listing is damaged: names that are empty, contain
   *     {@code /}, are {@code .} or {@code ..}, repeat or are out of order; runs past its size
   */
  public List<DirectoryEntry> entries(Inode.Directory directory) throws IOException {
    long listing = directory.size() - 3;
    List<DirectoryEntry> entries = new ArrayList<>();
    if (listing == 0) {
      return entries;
    }
    MetadataCursor in =
        new MetadataCursor(
            metadata,
            budget,
            superblock.directoryTableStart(),
            superblock.fragmentTableStart(),
            directory.listingBlock(),
            directory.listingOffset());
    long number = directory.attributes().number();
    long read = 0;
    String previous = null;
    while (read < listing) {
      if (listing - read < 12) {
        throw SquashfsException.corrupt("directory " + number + " ends inside a header");
      }
      long count = in.u32() + 1;
      long inodeBlock = in.u32();
      long baseNumber = in.u32();
      read += 12;
      if (count > Format.ENTRIES_PER_HEADER) {
        throw SquashfsException.corrupt("directory " + number + " has too many entries a header");
      }
      for (long i = 0; i < count; i++) {
        int offset = in.u16();
        int delta = in.s16();
        int type = in.u16();
        int nameSize = in.u16() + 1;
        read += 8;
        if (nameSize > Format.NAME_MAX) {
          throw SquashfsException.corrupt("directory " + number + " has a name too long");
        }
        String name = new String(in.bytes(nameSize), StandardCharsets.ISO_8859_1);
        read += nameSize;
        if (read > listing) {
          throw SquashfsException.corrupt("directory " + number + " runs past its size");
        }
        if (name.equals(".")
            || name.equals("..")
            || name.indexOf('/') >= 0
            || name.indexOf('\0') >= 0) {
          throw SquashfsException.corrupt("directory " + number + " has an invalid name");
        }
        if (previous != null && previous.compareTo(name) >= 0) {
          throw SquashfsException.corrupt(
              "directory " + number + " has names out of order or repeated");
        }
        if (type < 1 || type > 14 || offset >= Format.METADATA_SIZE) {
          throw SquashfsException.corrupt("directory " + number + " has a bad entry");
        }
        if (entries.size() >= MAX_ENTRIES) {
          throw SquashfsException.corrupt(
              "directory " + number + " has more than " + MAX_ENTRIES + " entries");
        }
        previous = name;
        entries.add(
            new DirectoryEntry(
                name, inodeBlock << 16 | offset, Format.basicType(type), baseNumber + delta));
      }
    }
    return entries;
  }

  /**
   * The inode of {@code path} ({@code /usr/bin/env}, {@code usr/bin}; a byte string), without
   * following symbolic links.
   */
  public Optional<Inode> lookup(String path) throws IOException {
    Inode current = root();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (!(current instanceof Inode.Directory directory)) {
        return Optional.empty();
      }
      DirectoryEntry found = find(entries(directory), part);
      if (found == null) {
        return Optional.empty();
      }
      current = inode(found.inodeReference());
      checkEntry(found, current);
    }
    return Optional.of(current);
  }

  private static DirectoryEntry find(List<DirectoryEntry> entries, String name) {
    int low = 0;
    int high = entries.size() - 1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      int order = entries.get(middle).name().compareTo(name);
      if (order == 0) {
        return entries.get(middle);
      }
      if (order < 0) {
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return null;
  }

  /** A listing and the inode it leads to must agree on the kind of thing. */
  void checkEntry(DirectoryEntry entry, Inode inode) throws SquashfsException {
    if (entry.type() != inode.attributes().basicType()) {
      throw SquashfsException.corrupt(
          "entry "
              + entry.name()
              + " says type "
              + entry.type()
              + ", its inode is type "
              + inode.attributes().type());
    }
  }

  /** The bytes of a regular file, read block by block as the stream is consumed. */
  public InputStream open(Inode.File file) throws IOException {
    return new FileContent(this, file);
  }

  /** The extended attributes of {@code inode}, in stored order. */
  public List<Xattr> xattrs(Inode inode) throws IOException {
    long index = inode.attributes().xattrIndex();
    if (index < 0) {
      return List.of();
    }
    return xattrs.get(index);
  }

  /** What a walk sees: each entry with its path below the root. */
  public interface Visitor {
    /**
     * Called for every inode, parents before children, in listing order.
     *
     * @param path the path from the root, a byte string ({@code ""} for the root, then {@code usr},
     *     {@code usr/bin}, ...)
     * @return whether to descend into {@code inode} when it is a directory
     */
    boolean visit(String path, Inode inode) throws IOException;
  }

  /**
   * Visits {@code start} (at {@code startPath}) and everything below it, each directory once.
   *
   * @throws SquashfsException E531 on a directory loop, a tree deeper than {@link #MAX_DEPTH}, or a
   *     listing that disagrees with its inodes
   */
  public void walk(String startPath, Inode start, Visitor visitor) throws IOException {
    Set<Long> seen = new HashSet<>();
    walk(startPath, start, visitor, seen, 0);
  }

  private void walk(String path, Inode inode, Visitor visitor, Set<Long> seen, int depth)
      throws IOException {
    boolean descend = visitor.visit(path, inode);
    if (!(inode instanceof Inode.Directory directory) || !descend) {
      return;
    }
    if (!seen.add(directory.attributes().number())) {
      throw SquashfsException.corrupt("directory loop at inode " + directory.attributes().number());
    }
    if (depth >= MAX_DEPTH) {
      throw SquashfsException.corrupt("the tree is deeper than " + MAX_DEPTH + " directories");
    }
    for (DirectoryEntry entry : entries(directory)) {
      Inode child = inode(entry.inodeReference());
      checkEntry(entry, child);
      walk(
          path.isEmpty() ? entry.name() : path + "/" + entry.name(),
          child,
          visitor,
          seen,
          depth + 1);
    }
  }

  // Package-private access for file contents.

  MetadataCursor inodeCursor(long block, int offset) throws IOException {
    return new MetadataCursor(
        metadata,
        budget,
        superblock.inodeTableStart(),
        superblock.directoryTableStart(),
        block,
        offset);
  }

  /** Reads one data or fragment block and decompresses it into {@code target}. */
  int readBlock(long position, long word, byte[] target, int expected) throws IOException {
    int length = (int) (word & (Format.DATA_UNCOMPRESSED - 1));
    boolean stored = (word & Format.DATA_UNCOMPRESSED) != 0;
    if (length > blockSize() || (word >>> 25) != 0) {
      throw SquashfsException.corrupt("data block at " + position + " has a bad size " + word);
    }
    if (position < dataStart || position > superblock.inodeTableStart() - length) {
      throw SquashfsException.corrupt("data block at " + position + " lies outside the data");
    }
    if (stored) {
      if (length != expected && expected >= 0) {
        throw SquashfsException.corrupt("stored block at " + position + " has the wrong size");
      }
      image.read(position, target, 0, length);
      return length;
    }
    byte[] raw = new byte[length];
    image.read(position, raw, 0, length);
    int n;
    try {
      n = codec.decompress(raw, 0, length, target, 0, blockSize());
    } catch (IOException e) {
      throw new SquashfsException(
          Code.E533,
          "squashfs block at "
              + position
              + " does not decompress to at most "
              + blockSize()
              + " bytes: "
              + e.getMessage(),
          e);
    }
    if (expected >= 0 && n != expected) {
      throw SquashfsException.corrupt(
          "block at " + position + " decompresses to " + n + " bytes, not " + expected);
    }
    return n;
  }

  /**
   * The decompressed fragment block {@code index} (callers only read it). A few stay cached: small
   * files that share a fragment block are usually read one after the other.
   */
  byte[] fragmentBlock(long index) throws IOException {
    byte[] cached = fragments.get(index);
    if (cached != null) {
      return cached;
    }
    long offsetInTable = index * 16;
    long pointer = readIndexPointer(superblock.fragmentTableStart(), offsetInTable / 8192);
    MetadataCursor in =
        new MetadataCursor(
            metadata,
            budget,
            pointer,
            superblock.fragmentTableStart(),
            0,
            (int) (offsetInTable % 8192));
    long start = in.u64();
    long word = in.u32();
    byte[] whole = new byte[blockSize()];
    int length = readBlock(start, word, whole, -1);
    byte[] block = java.util.Arrays.copyOf(whole, length);
    fragments.put(index, block);
    return block;
  }

  private long readIndexPointer(long indexStart, long slot) throws IOException {
    byte[] b = new byte[8];
    image.read(indexStart + slot * 8, b, 0, 8);
    long pointer = 0;
    for (int i = 7; i >= 0; i--) {
      pointer = pointer << 8 | (b[i] & 0xff);
    }
    if (pointer < dataStart || pointer >= indexStart) {
      throw SquashfsException.corrupt("table index points outside its table: " + pointer);
    }
    return pointer;
  }

  private long[] readIds(long idEnd) throws IOException {
    int count = superblock.ids();
    checkIndex("id table", superblock.idTableStart(), count * 4L, idEnd);
    long[] out = new long[count];
    int perBlock = Format.METADATA_SIZE / 4;
    for (int block = 0; block * perBlock < count; block++) {
      long pointer = readIndexPointer(superblock.idTableStart(), block);
      MetadataCursor in =
          new MetadataCursor(metadata, budget, pointer, superblock.idTableStart(), 0, 0);
      for (int i = block * perBlock; i < Math.min(count, (block + 1) * perBlock); i++) {
        out[i] = in.u32();
      }
    }
    return out;
  }

  /** A table's index (one position per 8 KiB of entries) must fit between it and the next. */
  private static void checkIndex(String table, long indexStart, long entryBytes, long next)
      throws SquashfsException {
    long pointers = (entryBytes + Format.METADATA_SIZE - 1) / Format.METADATA_SIZE;
    if (indexStart + pointers * 8 > next) {
      throw SquashfsException.corrupt(table + " index runs into the next table");
    }
  }
}

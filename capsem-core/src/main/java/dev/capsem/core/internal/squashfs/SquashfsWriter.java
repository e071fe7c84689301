package dev.capsem.core.internal.squashfs;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.tar.TarReader;
import dev.capsem.core.ports.SquashfsCodec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.List;
import java.util.Objects;

/**
 * Writes the tree of a tar stream (what {@code docker export} prints) as a squashfs 4.0 image, in
 * one pass over the stream and without unpacking it: reproducible (the same stream gives the same
 * bytes), every time set to one instant, owners, modes, links, devices and xattrs from the tar
 * headers. The layout is {@code mksquashfs -tar}'s: entries sorted, tails packed in fragments,
 * duplicate blocks and tails stored once, no export table.
 */
public final class SquashfsWriter {

  /**
   * How to write.
   *
   * @param codec the block compression (zstd level 15 for a rootfs, decision D6)
   * @param blockSize a power of two from 4 KiB to 1 MiB (64 KiB for a rootfs)
   * @param time seconds since the epoch: every inode's time and the superblock's {@code mkfs_time}
   *     (the build's {@code SOURCE_DATE_EPOCH})
   * @param threads how many blocks are compressed at once
   */
  public record Settings(SquashfsCodec codec, int blockSize, long time, int threads) {
    public Settings {
      Objects.requireNonNull(codec, "codec");
      if (blockSize < 4096 || blockSize > 1 << 20 || Integer.bitCount(blockSize) != 1) {
        throw new IllegalArgumentException("block size must be a power of two, 4 KiB to 1 MiB");
      }
      if (time < 0 || time > 0xffffffffL) {
        throw new IllegalArgumentException("time must fit squashfs's unsigned 32 bits: " + time);
      }
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1");
      }
    }
  }

  /**
   * What was written.
   *
   * @param inodes the inode count
   * @param bytesUsed the image's size before padding to 4 KiB
   * @param warnings W530 for every extended attribute squashfs cannot store
   */
  public record Result(long inodes, long bytesUsed, List<Diagnostic> warnings) {
    public Result {
      warnings = List.copyOf(warnings);
    }
  }

  private static final int PADDING = 4096;

  private SquashfsWriter() {}

  /**
   * Writes the image of {@code tar} into {@code out} from its start; {@code out} ends up holding
   * exactly the image.
   *
   * @throws SquashfsException E535 when the stream is not a well-formed tar, E536 when a member
   *     cannot be stored (a {@code ..} path, a hard link to nothing, a GNU sparse file, ...)
   */
  public static Result write(InputStream tar, FileChannel out, Settings settings)
      throws IOException {
    SquashfsCodec codec = settings.codec();
    byte[] options = codec.options();
    long dataStart = Format.SUPERBLOCK_SIZE + (options.length > 0 ? 2 + options.length : 0);
    TreeBuilder tree;
    List<DataWriter.FragmentEntry> fragments;
    long position;
    try (DataWriter data =
        new DataWriter(codec, settings.blockSize(), out, dataStart, settings.threads())) {
      tree = new TreeBuilder(data);
      tree.read(new TarReader(tar));
      fragments = data.finish();
      position = data.position();
    }

    Tables tables = new Tables(codec, settings.time());
    long inodes = tables.number(tree.root());
    long root = tables.write(tree.root());

    long inodeTableStart = position;
    position = put(out, position, tables.inodeTable());
    long directoryTableStart = position;
    position = put(out, position, tables.directoryTable());
    byte[][] fragmentTable = tables.fragmentTable(fragments, position);
    position = put(out, position, fragmentTable[0]);
    long fragmentTableStart = position;
    position = put(out, position, fragmentTable[1]);
    byte[][] idTable = tables.idTable(position);
    position = put(out, position, idTable[0]);
    long idTableStart = position;
    position = put(out, position, idTable[1]);
    long xattrTableStart = Format.NO_TABLE;
    if (tables.hasXattrs()) {
      byte[][] xattrs = tables.xattrTable(position);
      position = put(out, position, xattrs[0]);
      xattrTableStart = position;
      position = put(out, position, xattrs[1]);
    }
    long bytesUsed = position;

    int flags = Format.FLAG_DUPLICATES | Format.FLAG_ALWAYS_FRAGMENTS;
    if (options.length > 0) {
      flags |= Format.FLAG_COMPRESSOR_OPTIONS;
      put(
          out,
          Format.SUPERBLOCK_SIZE,
          new Bytes().u16(options.length | Format.METADATA_UNCOMPRESSED).bytes(options).array());
    }
    Superblock superblock =
        new Superblock(
            inodes,
            settings.time(),
            settings.blockSize(),
            fragments.size(),
            codec.id(),
            Integer.numberOfTrailingZeros(settings.blockSize()),
            flags,
            tables.idCount(),
            root,
            bytesUsed,
            idTableStart,
            xattrTableStart,
            inodeTableStart,
            directoryTableStart,
            fragmentTableStart,
            Format.NO_TABLE);
    put(out, 0, superblock.bytes());
    long padded = (bytesUsed + PADDING - 1) / PADDING * PADDING;
    put(out, bytesUsed, new byte[(int) (padded - bytesUsed)]);
    out.truncate(padded);
    return new Result(inodes, bytesUsed, tree.warnings());
  }

  private static long put(FileChannel out, long position, byte[] bytes) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    long at = position;
    while (buffer.hasRemaining()) {
      at += out.write(buffer, at);
    }
    return at;
  }
}

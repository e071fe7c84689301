package dev.capsem.core.internal.squashfs;

import dev.capsem.core.diag.Code;
import dev.capsem.core.ports.SquashfsCodec;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Metadata blocks (a two-byte length, then at most 8 KiB once decompressed) read at absolute
 * positions, with a small cache: inodes and directory entries are read in runs from the same
 * blocks.
 */
final class MetadataBlocks {

  /** One decompressed block and where the next one starts. */
  record Block(byte[] data, long next) {}

  private static final int CACHED = 256;

  private final ImageChannel image;
  private final SquashfsCodec codec;
  private final Map<Long, Block> cache =
      new LinkedHashMap<>(CACHED * 2, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Block> eldest) {
          return size() > CACHED;
        }
      };

  MetadataBlocks(ImageChannel image, SquashfsCodec codec) {
    this.image = image;
    this.codec = codec;
  }

  /**
   * The block at {@code position}, which must end at or before {@code tableEnd}.
   *
   * @throws SquashfsException E531 for a bad length or position, E533 when it does not decompress
   */
  synchronized Block read(long position, long tableEnd) throws IOException {
    Block cached = cache.get(position);
    if (cached != null) {
      if (cached.next() > tableEnd) {
        throw SquashfsException.corrupt("metadata block at " + position + " runs past its table");
      }
      return cached;
    }
    byte[] header = new byte[2];
    image.read(position, header, 0, 2);
    int word = (header[0] & 0xff) | (header[1] & 0xff) << 8;
    int length = word & 0x7fff;
    boolean stored = (word & Format.METADATA_UNCOMPRESSED) != 0;
    if (length == 0 || length > Format.METADATA_SIZE) {
      throw SquashfsException.corrupt(
          "metadata block at " + position + " has a bad length " + length);
    }
    long next = position + 2 + length;
    if (next > tableEnd) {
      throw SquashfsException.corrupt("metadata block at " + position + " runs past its table");
    }
    byte[] raw = new byte[length];
    image.read(position + 2, raw, 0, length);
    byte[] data;
    if (stored) {
      data = raw;
    } else {
      byte[] out = new byte[Format.METADATA_SIZE];
      int n;
      try {
        n = codec.decompress(raw, 0, length, out, 0, Format.METADATA_SIZE);
      } catch (IOException e) {
        throw new SquashfsException(
            Code.E533,
            "squashfs metadata block at "
                + position
                + " does not decompress to at most "
                + Format.METADATA_SIZE
                + " bytes: "
                + e.getMessage(),
            e);
      }
      if (n <= 0) {
        throw SquashfsException.corrupt("metadata block at " + position + " is empty");
      }
      data = java.util.Arrays.copyOf(out, n);
    }
    Block block = new Block(data, next);
    cache.put(position, block);
    return block;
  }
}

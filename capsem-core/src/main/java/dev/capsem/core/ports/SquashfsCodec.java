package dev.capsem.core.ports;

import java.io.IOException;
import java.util.Optional;

/**
 * The block compression of one squashfs compressor, named by the id the superblock stores. The
 * squashfs reader asks for the codec of an image's id; the writer compresses every data and
 * metadata block with one. Implementations are thread-safe: the writer compresses blocks in
 * parallel.
 */
public interface SquashfsCodec {

  /** Squashfs compression ids (squashfs_fs.h). */
  int GZIP = 1;

  int LZMA = 2;
  int LZO = 3;
  int XZ = 4;
  int LZ4 = 5;
  int ZSTD = 6;

  /** The compression id this codec reads and writes. */
  int id();

  /**
   * Decompresses {@code length} bytes of {@code source} into {@code target}, writing at most {@code
   * capacity} bytes: a block that would expand beyond it (a decompression bomb, or damage) is
   * refused, never partly written past it.
   *
   * @return the number of bytes written
   * @throws IOException when the block is not valid compressed data of this codec, or would exceed
   *     {@code capacity}
   */
  int decompress(
      byte[] source, int offset, int length, byte[] target, int targetOffset, int capacity)
      throws IOException;

  /**
   * Compresses {@code length} bytes of {@code source} into {@code target} at the codec's configured
   * level.
   *
   * @return the compressed length, or {@code -1} when the result would not be smaller than {@code
   *     length} or not fit in {@code capacity} (squashfs then stores the block uncompressed)
   */
  int compress(
      byte[] source, int offset, int length, byte[] target, int targetOffset, int capacity);

  /**
   * The compressor options block written after the superblock, or an empty array when the codec's
   * settings are its defaults (zstd level 15, gzip level 9), as mksquashfs omits it then.
   */
  default byte[] options() {
    return new byte[0];
  }

  /**
   * This compressor at another level, for a writer told to use that level (the guest config's
   * {@code compression_level}); empty when this codec has no such level or no levels at all (xz
   * here), so the caller can say so with a code instead of writing something else.
   */
  default Optional<SquashfsCodec> atLevel(int level) {
    return Optional.empty();
  }

  /** gzip (zlib streams, window 15) on the JDK's {@code Deflater}, at {@code level} 1 to 9. */
  static SquashfsCodec gzip(int level) {
    return new GzipSquashfsCodec(level);
  }
}

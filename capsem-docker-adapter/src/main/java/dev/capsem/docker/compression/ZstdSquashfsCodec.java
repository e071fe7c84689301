package dev.capsem.docker.compression;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdException;
import dev.capsem.core.ports.SquashfsCodec;
import java.io.IOException;
import java.util.Optional;

/**
 * Squashfs's zstd compressor: each block one zstd frame, compressed as mksquashfs does ({@code
 * ZSTD_compressCCtx} at the level, the block's size known), decompressed into a bounded buffer.
 */
final class ZstdSquashfsCodec implements SquashfsCodec {

  /**
   * zstd's highest level ({@code Zstd.maxCompressionLevel()}, which a test holds it to), as a
   * constant: asking the library loads its native code, some 40 ms that every command paid at
   * start-up while only squashfs reads and writes need it.
   */
  static final int MAX_LEVEL = 22;

  private final int level;

  ZstdSquashfsCodec(int level) {
    if (level < 1 || level > MAX_LEVEL) {
      throw new IllegalArgumentException("zstd level must be 1 to " + MAX_LEVEL + ": " + level);
    }
    this.level = level;
  }

  @Override
  public Optional<SquashfsCodec> atLevel(int other) {
    return other >= 1 && other <= MAX_LEVEL
        ? Optional.of(new ZstdSquashfsCodec(other))
        : Optional.empty();
  }

  @Override
  public int id() {
    return ZSTD;
  }

  @Override
  public int decompress(
      byte[] source, int offset, int length, byte[] target, int targetOffset, int capacity)
      throws IOException {
    try {
      long n = Zstd.decompressByteArray(target, targetOffset, capacity, source, offset, length);
      if (Zstd.isError(n)) {
        throw new IOException("zstd: " + Zstd.getErrorName(n));
      }
      return (int) n;
    } catch (ZstdException e) {
      throw new IOException("zstd: " + e.getMessage(), e);
    }
  }

  @Override
  public int compress(
      byte[] source, int offset, int length, byte[] target, int targetOffset, int capacity) {
    try {
      long n =
          Zstd.compressByteArray(target, targetOffset, capacity, source, offset, length, level);
      if (Zstd.isError(n) || n >= length) {
        return -1;
      }
      return (int) n;
    } catch (ZstdException e) {
      // Only a destination too small fails here: the block is stored uncompressed.
      return -1;
    }
  }

  @Override
  public byte[] options() {
    if (level == SquashfsCodecs.ZSTD_DEFAULT_LEVEL) {
      return new byte[0];
    }
    // struct zstd_comp_opts: int compression_level (little-endian).
    return new byte[] {(byte) level, 0, 0, 0};
  }
}

package dev.capsem.docker.compression;

import dev.capsem.core.ports.SquashfsCodec;
import java.util.List;

/** The squashfs codecs this module provides, and the set a reader should be given. */
public final class SquashfsCodecs {

  /** mksquashfs's default zstd level, and the rootfs's (decision D6). */
  public static final int ZSTD_DEFAULT_LEVEL = 15;

  private SquashfsCodecs() {}

  /** zstd at {@code level} (1 to 22) on zstd-jni. */
  public static SquashfsCodec zstd(int level) {
    return new ZstdSquashfsCodec(level);
  }

  /** xz (LZMA2 streams with a CRC32 check, as mksquashfs writes them), for reading. */
  public static SquashfsCodec xz() {
    return new XzSquashfsCodec();
  }

  /** Every codec a reader can use: zstd, xz and the JDK's gzip. */
  public static List<SquashfsCodec> readers() {
    return List.of(zstd(ZSTD_DEFAULT_LEVEL), xz(), SquashfsCodec.gzip(9));
  }
}

package dev.capsem.docker.compression;

import dev.capsem.core.ports.SquashfsCodec;
import dev.capsem.core.testing.SquashfsCodecContract;

/** zstd-jni at the rootfs's level against the codec contract. */
class ZstdSquashfsCodecContractTest extends SquashfsCodecContract {

  @Override
  protected SquashfsCodec codec() {
    return SquashfsCodecs.zstd(15);
  }

  @Override
  protected int expectedId() {
    return SquashfsCodec.ZSTD;
  }
}

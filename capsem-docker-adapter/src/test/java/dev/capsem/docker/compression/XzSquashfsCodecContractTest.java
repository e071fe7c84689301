package dev.capsem.docker.compression;

import dev.capsem.core.ports.SquashfsCodec;
import dev.capsem.core.testing.SquashfsCodecContract;

/** XZ for Java against the codec contract. */
class XzSquashfsCodecContractTest extends SquashfsCodecContract {

  @Override
  protected SquashfsCodec codec() {
    return SquashfsCodecs.xz();
  }

  @Override
  protected int expectedId() {
    return SquashfsCodec.XZ;
  }
}

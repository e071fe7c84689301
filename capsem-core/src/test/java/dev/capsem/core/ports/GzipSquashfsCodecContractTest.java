package dev.capsem.core.ports;

import dev.capsem.core.testing.SquashfsCodecContract;

/** The JDK gzip codec against the codec contract. */
class GzipSquashfsCodecContractTest extends SquashfsCodecContract {

  @Override
  protected SquashfsCodec codec() {
    return SquashfsCodec.gzip(9);
  }

  @Override
  protected int expectedId() {
    return SquashfsCodec.GZIP;
  }
}

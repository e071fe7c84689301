package dev.capsem.core.testing;

import dev.capsem.core.ports.SquashfsCodec;

/** The fake codec keeps the contract the real ones keep. */
class RunLengthCodecContractTest extends SquashfsCodecContract {

  @Override
  protected SquashfsCodec codec() {
    return new RunLengthCodec(SquashfsCodec.ZSTD);
  }

  @Override
  protected int expectedId() {
    return SquashfsCodec.ZSTD;
  }
}

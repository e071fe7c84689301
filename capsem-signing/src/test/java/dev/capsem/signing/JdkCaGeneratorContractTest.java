package dev.capsem.signing;

import dev.capsem.core.ports.CaGenerator;
import dev.capsem.core.testing.CaGeneratorContract;

class JdkCaGeneratorContractTest extends CaGeneratorContract {

  @Override
  protected CaGenerator generator() {
    return Certificates.caGenerator();
  }
}

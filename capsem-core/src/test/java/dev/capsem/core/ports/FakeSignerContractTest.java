package dev.capsem.core.ports;

import dev.capsem.core.testing.FakeMinisign;
import dev.capsem.core.testing.SignerContract;

/** The fake signer keeps the contract the minisign adapter keeps, so tests built on it hold. */
class FakeSignerContractTest extends SignerContract {

  @Override
  protected Signer signer() {
    return FakeMinisign.signer();
  }

  @Override
  protected SigningKeyGenerator keyGenerator() {
    return FakeMinisign.keyGenerator();
  }

  @Override
  protected SignatureVerifier verifier() {
    return FakeMinisign.verifier();
  }
}

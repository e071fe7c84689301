package dev.capsem.signing;

import dev.capsem.core.ports.SignatureVerifier;
import dev.capsem.core.ports.Signer;
import dev.capsem.core.ports.SigningKeyGenerator;
import dev.capsem.core.testing.SignerContract;

/** The signer contract against native minisign. */
class MinisignSignerContractTest extends SignerContract {

  @Override
  protected Signer signer() {
    return Minisign.signer();
  }

  @Override
  protected SigningKeyGenerator keyGenerator() {
    return Minisign.keyGenerator();
  }

  @Override
  protected SignatureVerifier verifier() {
    return Minisign.verifier();
  }
}

package dev.capsem.core.ports;

import dev.capsem.core.testing.FakeMinisign;
import dev.capsem.core.testing.SignatureVerifierContract;

/** The fake verifier refuses what the minisign adapter refuses, with the same kinds. */
class FakeSignatureVerifierContractTest extends SignatureVerifierContract {

  @Override
  protected SignatureVerifier verifier() {
    return FakeMinisign.verifier();
  }

  @Override
  protected Signer signer() {
    return FakeMinisign.signer();
  }

  @Override
  protected SigningKeyGenerator keyGenerator() {
    return FakeMinisign.keyGenerator();
  }

  @Override
  protected String legacySignature(SigningKey key, byte[] payload, SignatureComments comments) {
    return FakeMinisign.signLegacy(key, payload, comments);
  }
}

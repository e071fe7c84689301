package dev.capsem.signing;

import dev.capsem.core.ports.SignatureComments;
import dev.capsem.core.ports.SignatureVerifier;
import dev.capsem.core.ports.Signer;
import dev.capsem.core.ports.SigningKey;
import dev.capsem.core.ports.SigningKeyGenerator;
import dev.capsem.core.testing.SignatureVerifierContract;

/** The verifier contract against native minisign. */
class MinisignVerifierContractTest extends SignatureVerifierContract {

  @Override
  protected SignatureVerifier verifier() {
    return Minisign.verifier();
  }

  @Override
  protected Signer signer() {
    return Minisign.signer();
  }

  @Override
  protected SigningKeyGenerator keyGenerator() {
    return Minisign.keyGenerator();
  }

  @Override
  protected String legacySignature(SigningKey key, byte[] payload, SignatureComments comments) {
    // Capsem never writes legacy signatures; the adapter keeps this for tests only.
    return ((MinisignSigningKey) key).signLegacy(payload, comments);
  }
}

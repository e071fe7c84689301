package dev.capsem.signing;

import dev.capsem.core.ports.RawSignatureVerifier;
import dev.capsem.core.ports.SignatureFailure;
import dev.capsem.core.ports.SignatureFailureKind;

/**
 * Plain Ed25519 (RFC 8032) verification with a minisign public key file, read the way {@code
 * minisign -V} reads it: the signatures of DSSE envelopes.
 */
final class RawEd25519Verifier implements RawSignatureVerifier {

  @Override
  public RawVerification verifyRaw(byte[] message, byte[] signature, byte[] publicKeyFile) {
    PublicKeyData key;
    try {
      key = CliFormat.parsePublicKey(publicKeyFile);
    } catch (Refusal refusal) {
      return new RawVerification(null, refusal.failure());
    }
    if (signature.length != MinisignFormat.ED25519_SIGNATURE_BYTES) {
      return new RawVerification(
          key.keyId(),
          new SignatureFailure(
              SignatureFailureKind.MALFORMED_BASE64,
              "an Ed25519 signature is 64 bytes, this one is " + signature.length));
    }
    if (!MinisignFormat.ed25519Verify(key.key(), message, signature)) {
      return new RawVerification(
          key.keyId(),
          new SignatureFailure(
              SignatureFailureKind.BAD_SIGNATURE, "Signature verification failed"));
    }
    return RawVerification.verified(key.keyId());
  }
}

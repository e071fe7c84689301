package dev.capsem.core.ports;

import java.util.Objects;
import java.util.Optional;

/**
 * Checks plain Ed25519 signatures (see {@link RawSigner}) against a minisign public key file.
 * Problems come back as data, never as exceptions.
 */
public interface RawSignatureVerifier {

  /**
   * Verifies {@code signature} (64 bytes) over {@code message} with the key in {@code
   * publicKeyFile} (minisign's {@code .pub} text).
   */
  RawVerification verifyRaw(byte[] message, byte[] signature, byte[] publicKeyFile);

  /**
   * The outcome of one raw verification.
   *
   * @param keyId the public key's id, or null when the key file could not be read
   * @param failure why the signature does not hold, or null when it does
   */
  record RawVerification(KeyId keyId, SignatureFailure failure) {

    public RawVerification {
      if (keyId == null && failure == null) {
        throw new IllegalArgumentException("a verified signature has a key id");
      }
    }

    public static RawVerification verified(KeyId keyId) {
      return new RawVerification(Objects.requireNonNull(keyId, "keyId"), null);
    }

    public boolean ok() {
      return failure == null;
    }

    public Optional<KeyId> key() {
      return Optional.ofNullable(keyId);
    }
  }
}

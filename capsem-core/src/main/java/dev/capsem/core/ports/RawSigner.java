package dev.capsem.core.ports;

/**
 * Makes plain Ed25519 signatures (RFC 8032, over the message itself, no prehash) with an opened
 * minisign secret key. DSSE envelopes sign their pre-authentication encoding this way; minisign's
 * own {@code ED} signatures sign a BLAKE2b-512 digest instead, so the two are not interchangeable.
 */
public interface RawSigner {

  /** The minisign key id of the key, which DSSE signatures carry as their {@code keyid}. */
  KeyId keyId();

  /** The 64-byte Ed25519 signature of {@code message}. */
  byte[] signRaw(byte[] message);
}

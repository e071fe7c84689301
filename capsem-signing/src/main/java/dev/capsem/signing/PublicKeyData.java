package dev.capsem.signing;

import dev.capsem.core.ports.KeyId;

/**
 * A decoded public key. The array is never handed out of this package.
 *
 * @param keyId the key id
 * @param key the 32-byte Ed25519 public key
 */
record PublicKeyData(KeyId keyId, byte[] key) {}

package dev.capsem.signing;

import dev.capsem.core.ports.KeyId;
import dev.capsem.core.ports.SignatureAlgorithm;

/**
 * A decoded signature file. The arrays are never handed out of this package.
 *
 * @param algorithm {@code ED} or {@code Ed}
 * @param keyId the key id the signature claims
 * @param signature the 64-byte Ed25519 signature over the payload (or its digest)
 * @param trustedComment the trusted comment bytes, exactly as signed by the global signature
 * @param globalSignature the 64-byte Ed25519 signature over {@code signature | trustedComment}
 * @param untrustedComment the first line for display (without its prefix when it had one)
 */
record SignatureData(
    SignatureAlgorithm algorithm,
    KeyId keyId,
    byte[] signature,
    byte[] trustedComment,
    byte[] globalSignature,
    String untrustedComment) {}

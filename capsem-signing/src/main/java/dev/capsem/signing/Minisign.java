package dev.capsem.signing;

import dev.capsem.core.ports.RawSignatureVerifier;
import dev.capsem.core.ports.SignatureVerifier;
import dev.capsem.core.ports.Signer;
import dev.capsem.core.ports.SigningKeyGenerator;
import java.security.SecureRandom;

/**
 * Native minisign (Ed25519, BLAKE2b, scrypt on BouncyCastle), compatible with the {@code minisign}
 * 0.11 CLI in both directions and needing no external binary (decision D7). The entry point of this
 * adapter: every implementation behind it is package-private.
 *
 * <pre>{@code
 * SignatureVerification result =
 *     Minisign.verifier().verifyFiles(manifest, signature, publicKey, VerifyOptions.cli());
 * Minisign.signer().signFile(manifest, secretKey, PasswordSource.firstLineOfFile(passwordFile),
 *     SignatureComments.defaults("manifest.json", timestamp), Signer.defaultSignatureFile(manifest));
 * }</pre>
 */
public final class Minisign {

  // Stateless, so one instance serves every caller and thread.
  private static final SignatureVerifier VERIFIER = new MinisignVerifier();
  private static final Signer SIGNER = new MinisignSigner();
  private static final RawSignatureVerifier RAW_VERIFIER = new RawEd25519Verifier();

  private Minisign() {}

  /** Verifies {@code ED} signatures, and legacy {@code Ed} ones when the options allow them. */
  public static SignatureVerifier verifier() {
    return VERIFIER;
  }

  /**
   * Verifies plain Ed25519 signatures (DSSE) against minisign public key files; the signing side is
   * {@link dev.capsem.core.ports.SigningKey#signRaw} on a key {@link #signer()} opened.
   */
  public static RawSignatureVerifier rawVerifier() {
    return RAW_VERIFIER;
  }

  /** Opens secret keys (unencrypted or scrypt-encrypted) and signs with prehashed {@code ED}. */
  public static Signer signer() {
    return SIGNER;
  }

  /** Generates each key pair from a fresh {@link SecureRandom}, made when the key is. */
  public static SigningKeyGenerator keyGenerator() {
    return new MinisignKeyGenerator(SecureRandom::new);
  }

  /** Generates key pairs from the given randomness (a seeded one makes tests repeatable). */
  public static SigningKeyGenerator keyGenerator(SecureRandom random) {
    java.util.Objects.requireNonNull(random, "random");
    return new MinisignKeyGenerator(() -> random);
  }
}

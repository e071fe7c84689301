package dev.capsem.core.ports;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An opened (decrypted) minisign secret key. Open it once to sign many files: decrypting an
 * encrypted key costs about a second and 1 GiB of memory. Close it to wipe the key material the
 * implementation holds. The same opened key also makes the plain Ed25519 signatures of DSSE
 * envelopes ({@link RawSigner}), so a release opens its key once.
 */
public interface SigningKey extends RawSigner, AutoCloseable {

  /** The key id written into every signature. */
  @Override
  KeyId keyId();

  /**
   * The matching public key file text, as {@code minisign -R} writes it ({@code untrusted comment:
   * minisign public key <ID>}, base64 line, each ending in {@code \n}).
   */
  String publicKeyText();

  /**
   * Signs a payload held in memory. The result is the four-line {@code .minisig} text (prehashed
   * {@code ED}); the same key, payload and comments always give the same text.
   */
  String sign(byte[] payload, SignatureComments comments);

  /** Signs a file, streaming it through BLAKE2b-512; returns the {@code .minisig} text. */
  String sign(Path payload, SignatureComments comments) throws IOException;

  /**
   * Signs a file and writes the signature atomically (temporary file in the same folder, then a
   * move), replacing an existing signature. A failure leaves no partial signature behind.
   */
  void signFile(Path payload, SignatureComments comments, Path signatureFile) throws IOException;

  /** Wipes the key material; the key cannot sign afterwards. */
  @Override
  void close();
}

package dev.capsem.signing;

import dev.capsem.core.ports.KeyId;
import dev.capsem.core.ports.SignatureAlgorithm;
import dev.capsem.core.ports.SignatureComments;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * The byte layout of minisign 0.11 files and the primitives they use. Layouts (all base64 is the
 * standard alphabet with padding):
 *
 * <pre>
 * public key  (42):  "Ed" | key id (8) | Ed25519 public key (32)
 * signature   (74):  "ED" or "Ed" | key id (8) | Ed25519 signature (64)
 * global sig  (64):  Ed25519 over signature (64) | trusted comment bytes
 * secret key (158):  "Ed" | kdf "Sc" or 00 00 | "B2" | salt (32) | opslimit u64le | memlimit u64le
 *                    | key id (8) | seed (32) | public key (32) | BLAKE2b-256 checksum (32)
 * </pre>
 */
final class MinisignFormat {

  static final String UNTRUSTED_PREFIX = "untrusted comment: ";
  static final String TRUSTED_PREFIX = "trusted comment: ";
  static final String PUBLIC_KEY_COMMENT = "minisign public key ";
  static final String SECRET_KEY_COMMENT = "minisign encrypted secret key";

  static final int KEY_ID_BYTES = 8;
  static final int ED25519_KEY_BYTES = 32;
  static final int ED25519_SIGNATURE_BYTES = 64;
  static final int PUBLIC_KEY_BYTES = 2 + KEY_ID_BYTES + ED25519_KEY_BYTES;
  static final int SIGNATURE_BYTES = 2 + KEY_ID_BYTES + ED25519_SIGNATURE_BYTES;
  static final int GLOBAL_SIGNATURE_BYTES = ED25519_SIGNATURE_BYTES;
  static final int SECRET_KEY_BYTES = 158;
  static final int PREHASH_BYTES = 64;

  /** The Ed25519 tag of keys; also the legacy signature tag. */
  static final byte[] KEY_ALGORITHM = SignatureAlgorithm.LEGACY.tagBytes();

  private static final Base64.Encoder BASE64 = Base64.getEncoder();
  private static final Base64.Decoder BASE64_DECODER = Base64.getDecoder();

  private MinisignFormat() {}

  /**
   * Decodes canonical base64 only: the JDK decoder alone would accept missing padding and ignore
   * non-zero unused bits, so two different texts could carry the same bytes. Re-encoding and
   * comparing rejects both, so any change to a signature line changes what is verified or is
   * refused outright.
   *
   * @return the decoded bytes, or {@code null} when the text is not canonical base64
   */
  static byte[] decodeBase64(byte[] text) {
    byte[] decoded;
    try {
      decoded = BASE64_DECODER.decode(text);
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
    return Arrays.equals(BASE64.encode(decoded), text) ? decoded : null;
  }

  static String encodeBase64(byte[] bytes) {
    return BASE64.encodeToString(bytes);
  }

  static boolean startsWith(byte[] bytes, byte[] prefix) {
    return bytes.length >= prefix.length
        && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
  }

  static boolean tagIs(byte[] decoded, SignatureAlgorithm algorithm) {
    return startsWith(decoded, algorithm.tagBytes());
  }

  private static Blake2bDigest prehashDigest() {
    return new Blake2bDigest(PREHASH_BYTES * 8);
  }

  /** BLAKE2b-512, unkeyed: what {@code ED} signatures sign. */
  static byte[] prehash(byte[] payload) {
    Blake2bDigest digest = prehashDigest();
    digest.update(payload, 0, payload.length);
    byte[] out = new byte[PREHASH_BYTES];
    digest.doFinal(out, 0);
    return out;
  }

  /** BLAKE2b-512 of a file, streamed: payloads may be larger than the heap. */
  static byte[] prehash(Path payload) throws IOException {
    Blake2bDigest digest = prehashDigest();
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(payload)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    }
    byte[] out = new byte[PREHASH_BYTES];
    digest.doFinal(out, 0);
    return out;
  }

  static byte[] ed25519Sign(byte[] seed, byte[] message) {
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, new Ed25519PrivateKeyParameters(seed, 0));
    signer.update(message, 0, message.length);
    return signer.generateSignature();
  }

  /**
   * Verifies one Ed25519 signature. A public key that is not a curve point cannot have made any
   * signature, so it verifies nothing (libsodium answers the same way).
   */
  static boolean ed25519Verify(byte[] publicKey, byte[] message, byte[] signature) {
    Ed25519PublicKeyParameters key;
    try {
      key = new Ed25519PublicKeyParameters(publicKey, 0);
    } catch (IllegalArgumentException notAPoint) {
      return false;
    }
    Ed25519Signer verifier = new Ed25519Signer();
    verifier.init(false, key);
    verifier.update(message, 0, message.length);
    return verifier.verifySignature(signature);
  }

  static byte[] publicKeyOf(byte[] seed) {
    return new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
  }

  /** The bytes the global signature covers: the payload signature, then the trusted comment. */
  static byte[] globalSignedBytes(byte[] signature, byte[] trustedComment) {
    byte[] out = Arrays.copyOf(signature, signature.length + trustedComment.length);
    System.arraycopy(trustedComment, 0, out, signature.length, trustedComment.length);
    return out;
  }

  /** The {@code .pub} file text, as {@code minisign -G} and {@code -R} write it. */
  static String publicKeyText(KeyId keyId, byte[] publicKey) {
    byte[] encoded = new byte[PUBLIC_KEY_BYTES];
    System.arraycopy(KEY_ALGORITHM, 0, encoded, 0, 2);
    System.arraycopy(keyId.toBytes(), 0, encoded, 2, KEY_ID_BYTES);
    System.arraycopy(publicKey, 0, encoded, 2 + KEY_ID_BYTES, ED25519_KEY_BYTES);
    return UNTRUSTED_PREFIX
        + PUBLIC_KEY_COMMENT
        + keyId.hex()
        + "\n"
        + encodeBase64(encoded)
        + "\n";
  }

  /**
   * A signature file: Ed25519 over {@code signed} (the BLAKE2b-512 digest of the payload for {@code
   * ED}, the payload itself for legacy {@code Ed}), then the global signature over that signature
   * and the trusted comment.
   */
  static String signatureText(
      byte[] seed, KeyId keyId, SignatureAlgorithm algorithm, byte[] signed, SignatureComments c) {
    byte[] signature = ed25519Sign(seed, signed);
    byte[] encoded = new byte[SIGNATURE_BYTES];
    System.arraycopy(algorithm.tagBytes(), 0, encoded, 0, 2);
    System.arraycopy(keyId.toBytes(), 0, encoded, 2, KEY_ID_BYTES);
    System.arraycopy(signature, 0, encoded, 2 + KEY_ID_BYTES, ED25519_SIGNATURE_BYTES);
    byte[] trusted = c.trusted().getBytes(StandardCharsets.UTF_8);
    byte[] global = ed25519Sign(seed, globalSignedBytes(signature, trusted));
    return UNTRUSTED_PREFIX
        + c.untrusted()
        + "\n"
        + encodeBase64(encoded)
        + "\n"
        + TRUSTED_PREFIX
        + c.trusted()
        + "\n"
        + encodeBase64(global)
        + "\n";
  }
}

package dev.capsem.core.internal.provenance;

import dev.capsem.core.ports.KeyId;
import dev.capsem.core.ports.RawSignatureVerifier;
import dev.capsem.core.ports.RawSigner;
import dev.capsem.core.ports.SignatureFailure;
import dev.capsem.core.ports.SignatureFailureKind;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;

/**
 * Ed25519 from the JDK for capsem-core's own tests (core may not depend on the BouncyCastle
 * adapter): a key from a seeded random seed, its minisign-format public key file, and raw signing
 * and verification. The adapter's round trip with minisign keys is tested in capsem-signing.
 */
final class JdkEd25519 implements RawSigner, RawSignatureVerifier {

  /** X.509 SubjectPublicKeyInfo prefix of an Ed25519 key (RFC 8410), before the 32 key bytes. */
  private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

  private final KeyId keyId;
  private final PrivateKey privateKey;
  private final byte[] publicKey;

  JdkEd25519(long seed) {
    this.keyId = new KeyId(new Random(seed).nextLong());
    try {
      // SHA1PRNG with a seed set before first use is deterministic: the same key every run.
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(seed);
      KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
      generator.initialize(NamedParameterSpec.ED25519, random);
      KeyPair pair = generator.generateKeyPair();
      this.privateKey = pair.getPrivate();
      byte[] encoded = pair.getPublic().getEncoded();
      this.publicKey = Arrays.copyOfRange(encoded, SPKI_PREFIX.length, encoded.length);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** minisign's {@code .pub} text for this key. */
  String publicKeyText() {
    byte[] data = new byte[42];
    data[0] = 'E';
    data[1] = 'd';
    System.arraycopy(keyId.toBytes(), 0, data, 2, 8);
    System.arraycopy(publicKey, 0, data, 10, 32);
    return "untrusted comment: minisign public key "
        + keyId.hex()
        + "\n"
        + Base64.getEncoder().encodeToString(data)
        + "\n";
  }

  byte[] publicKeyFile() {
    return publicKeyText().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public KeyId keyId() {
    return keyId;
  }

  @Override
  public byte[] signRaw(byte[] message) {
    try {
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(privateKey);
      signer.update(message);
      return signer.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public RawVerification verifyRaw(byte[] message, byte[] signature, byte[] publicKeyFile) {
    String[] lines = new String(publicKeyFile, StandardCharsets.UTF_8).split("\n");
    byte[] data;
    try {
      data = Base64.getDecoder().decode(lines[1].strip());
    } catch (RuntimeException e) {
      return new RawVerification(
          null, new SignatureFailure(SignatureFailureKind.MALFORMED_BASE64, "bad public key"));
    }
    KeyId id = KeyId.fromBytes(data, 2);
    byte[] spki = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + 32);
    System.arraycopy(data, 10, spki, SPKI_PREFIX.length, 32);
    try {
      PublicKey key =
          KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(key);
      verifier.update(message);
      if (verifier.verify(signature)) {
        return RawVerification.verified(id);
      }
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      // a malformed signature is a failed one
    }
    return new RawVerification(
        id,
        new SignatureFailure(SignatureFailureKind.BAD_SIGNATURE, "Signature verification failed"));
  }
}

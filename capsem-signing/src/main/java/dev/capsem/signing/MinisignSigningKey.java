package dev.capsem.signing;

import dev.capsem.core.ports.AtomicFiles;
import dev.capsem.core.ports.KeyId;
import dev.capsem.core.ports.SignatureAlgorithm;
import dev.capsem.core.ports.SignatureComments;
import dev.capsem.core.ports.SigningKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * An opened secret key. Holds the 32-byte seed itself (not a BouncyCastle key object, which could
 * not be wiped) and builds the signer per signature, which costs a fraction of a millisecond. Safe
 * to use from several threads until closed.
 */
final class MinisignSigningKey implements SigningKey {

  private final KeyId keyId;
  private final byte[] seed;
  private final byte[] publicKey;
  private volatile boolean closed;

  MinisignSigningKey(KeyId keyId, byte[] seed, byte[] publicKey) {
    this.keyId = Objects.requireNonNull(keyId, "keyId");
    this.seed = seed.clone();
    this.publicKey = publicKey.clone();
  }

  @Override
  public KeyId keyId() {
    return keyId;
  }

  @Override
  public String publicKeyText() {
    return MinisignFormat.publicKeyText(keyId, publicKey);
  }

  @Override
  public String sign(byte[] payload, SignatureComments comments) {
    return MinisignFormat.signatureText(
        seed(), keyId, SignatureAlgorithm.PREHASHED, MinisignFormat.prehash(payload), comments);
  }

  @Override
  public String sign(Path payload, SignatureComments comments) throws IOException {
    return MinisignFormat.signatureText(
        seed(), keyId, SignatureAlgorithm.PREHASHED, MinisignFormat.prehash(payload), comments);
  }

  @Override
  public void signFile(Path payload, SignatureComments comments, Path signatureFile)
      throws IOException {
    String signature = sign(payload, comments);
    AtomicFiles.replace(
        signatureFile, signature.getBytes(StandardCharsets.UTF_8), AtomicFiles.Access.PUBLISHED);
  }

  @Override
  public byte[] signRaw(byte[] message) {
    return MinisignFormat.ed25519Sign(seed(), message);
  }

  /**
   * A legacy {@code Ed} signature ({@code minisign -l}). Not part of the port: capsem never writes
   * them (decision D7). Kept package-private so a test can prove the format byte for byte against
   * minisign's legacy vector.
   */
  String signLegacy(byte[] payload, SignatureComments comments) {
    return MinisignFormat.signatureText(
        seed(), keyId, SignatureAlgorithm.LEGACY, payload, comments);
  }

  @Override
  public void close() {
    closed = true;
    Arrays.fill(seed, (byte) 0);
  }

  private byte[] seed() {
    if (closed) {
      throw new IllegalStateException("signing key " + keyId + " was closed");
    }
    return seed;
  }

  @Override
  public String toString() {
    return "SigningKey[" + keyId + "]";
  }
}

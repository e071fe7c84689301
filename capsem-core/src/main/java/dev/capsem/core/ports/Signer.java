package dev.capsem.core.ports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Makes detached minisign signatures (prehashed {@code ED}, decision D7) with secret keys in
 * minisign's file format, unencrypted ({@code minisign -W}) or scrypt-encrypted.
 */
public interface Signer {

  /** The suffix minisign appends to a payload path to name its signature. */
  String SIGNATURE_SUFFIX = ".minisig";

  /**
   * Decodes a secret key file and, when it is encrypted, decrypts it with a password read from
   * {@code password} (read only then).
   *
   * @throws SigningException when the key is malformed or unsupported, or the password is missing
   *     or wrong
   * @throws IOException when the password source fails
   */
  SigningKey open(byte[] secretKeyFile, PasswordSource password)
      throws IOException, SigningException;

  /** Reads and opens a secret key file. */
  SigningKey open(Path secretKeyFile, PasswordSource password) throws IOException, SigningException;

  /** One call: opens the key, signs the payload, returns the {@code .minisig} text. */
  default String sign(
      byte[] payload, String secretKeyText, PasswordSource password, SignatureComments comments)
      throws IOException, SigningException {
    try (SigningKey key = open(secretKeyText.getBytes(StandardCharsets.UTF_8), password)) {
      return key.sign(payload, comments);
    }
  }

  /**
   * One call: opens the key file, signs {@code payload} and writes {@code signatureFile} atomically
   * (see {@link SigningKey#signFile}).
   */
  default void signFile(
      Path payload,
      Path secretKeyFile,
      PasswordSource password,
      SignatureComments comments,
      Path signatureFile)
      throws IOException, SigningException {
    try (SigningKey key = open(secretKeyFile, password)) {
      key.signFile(payload, comments, signatureFile);
    }
  }

  /** Where minisign puts the signature of {@code payload} by default: {@code <payload>.minisig}. */
  static Path defaultSignatureFile(Path payload) {
    return payload.resolveSibling(payload.getFileName() + SIGNATURE_SUFFIX);
  }
}

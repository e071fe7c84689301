package dev.capsem.core.ports;

/**
 * Why a minisign signature, public key or secret key was refused. The {@link #code()} strings are
 * stable (they may appear in JSON reports); the messages that go with them are in {@link
 * SignatureFailure}.
 *
 * <p>The first group comes from reading files, the second from checking a signature, the third from
 * opening a secret key. {@link #cliExitCode()} is the exit status the minisign 0.11 CLI gives for
 * the same problem (2 = unusable input, 1 = the signature does not hold), so that driving adapters
 * can mirror {@code minisign -V}.
 */
public enum SignatureFailureKind {
  /** A payload, signature or key file could not be read (missing, no permission, I/O error). */
  UNREADABLE("unreadable", 2),
  /** The file ends before a required line: empty file, or a missing base64 or comment line. */
  TRUNCATED("truncated", 2),
  /**
   * A comment line lacks its {@code untrusted comment: } / {@code trusted comment: } prefix, is
   * longer than minisign reads, or (runtime policy) is not UTF-8.
   */
  MALFORMED_COMMENT("malformed_comment", 2),
  /**
   * A key or signature line is not canonical standard base64 (with padding) of the expected length.
   */
  MALFORMED_BASE64("malformed_base64", 2),
  /**
   * The algorithm tag is not one this format knows ({@code Ed} for keys, {@code Ed}/{@code ED}).
   */
  UNSUPPORTED_ALGORITHM("unsupported_algorithm", 2),

  /** A legacy {@code Ed} signature, refused because the caller did not opt in (decision D7). */
  LEGACY_NOT_ALLOWED("legacy_not_allowed", 1),
  /** The signature names another key than the public key given. */
  WRONG_KEY_ID("wrong_key_id", 1),
  /** The Ed25519 signature over the payload does not hold: payload or signature changed. */
  BAD_SIGNATURE("bad_signature", 1),
  /** The global signature over signature and trusted comment does not hold: comment changed. */
  BAD_GLOBAL_SIGNATURE("bad_global_signature", 1),

  /** The secret key uses a key derivation other than none or scrypt, or too costly parameters. */
  UNSUPPORTED_KDF("unsupported_kdf", 2),
  /** The secret key's checksum algorithm is not {@code B2} (BLAKE2b-256). */
  UNSUPPORTED_CHECKSUM("unsupported_checksum", 2),
  /** The secret key is encrypted and no password was supplied. */
  PASSWORD_REQUIRED("password_required", 2),
  /** The password does not decrypt the secret key (its checksum does not match). */
  WRONG_PASSWORD("wrong_password", 2),
  /** A password that minisign could not read back (a line break or NUL, or over 1023 bytes). */
  INVALID_PASSWORD("invalid_password", 2),
  /** The decoded secret key is inconsistent: its public half does not belong to its seed. */
  CORRUPT_SECRET_KEY("corrupt_secret_key", 2),
  /**
   * The key's scrypt parameters need more memory than this JVM may use (E571); the message names
   * the memory needed and how to give it. Checked before asking for the password.
   */
  INSUFFICIENT_MEMORY("insufficient_memory", 2);

  private final String code;
  private final int cliExitCode;

  SignatureFailureKind(String code, int cliExitCode) {
    this.code = code;
    this.cliExitCode = cliExitCode;
  }

  /** Stable lower-case identifier, e.g. {@code wrong_key_id}. */
  public String code() {
    return code;
  }

  /** Exit status of {@code minisign} 0.11 for the same problem: 1 or 2. */
  public int cliExitCode() {
    return cliExitCode;
  }
}

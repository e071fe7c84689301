package dev.capsem.core.ports;

import java.util.Objects;

/**
 * How a newly generated secret key is stored: in clear ({@code minisign -W}) or scrypt-encrypted.
 */
public sealed interface KeyProtection permits KeyProtection.Unencrypted, KeyProtection.Scrypt {

  /** minisign's opslimit (libsodium's scryptsalsa208sha256 OPSLIMIT_SENSITIVE). */
  long MINISIGN_OPS_LIMIT = 33_554_432L;

  /** minisign's memlimit (MEMLIMIT_SENSITIVE): scrypt with N = 2^20, r = 8, p = 1, 1 GiB. */
  long MINISIGN_MEM_LIMIT = 1_073_741_824L;

  /** libsodium's smallest opslimit. */
  long MIN_OPS_LIMIT = 32_768L;

  /** libsodium's smallest memlimit (16 MiB). */
  long MIN_MEM_LIMIT = 16_777_216L;

  /** A plaintext secret key, as {@code minisign -G -W} writes it. */
  static KeyProtection unencrypted() {
    return new Unencrypted();
  }

  /** An encrypted secret key with minisign's own scrypt limits. */
  static KeyProtection scrypt(PasswordSource password) {
    return new Scrypt(password, MINISIGN_OPS_LIMIT, MINISIGN_MEM_LIMIT);
  }

  /** No encryption: anyone who reads the file can sign. */
  record Unencrypted() implements KeyProtection {}

  /**
   * Encryption with a key derived by scrypt from a password (minisign's {@code Sc} KDF).
   *
   * @param password where the password comes from; it must yield one
   * @param opsLimit libsodium opslimit, at least {@value #MIN_OPS_LIMIT}
   * @param memLimit libsodium memlimit in bytes, at least {@value #MIN_MEM_LIMIT}
   */
  record Scrypt(PasswordSource password, long opsLimit, long memLimit) implements KeyProtection {

    public Scrypt {
      Objects.requireNonNull(password, "password");
      if (opsLimit < MIN_OPS_LIMIT) {
        throw new IllegalArgumentException(
            "opsLimit must be at least " + MIN_OPS_LIMIT + ": " + opsLimit);
      }
      if (memLimit < MIN_MEM_LIMIT) {
        throw new IllegalArgumentException(
            "memLimit must be at least " + MIN_MEM_LIMIT + ": " + memLimit);
      }
    }
  }
}

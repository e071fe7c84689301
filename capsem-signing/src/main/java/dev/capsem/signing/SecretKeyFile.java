package dev.capsem.signing;

import dev.capsem.core.ports.KeyId;
import dev.capsem.core.ports.KeyProtection;
import dev.capsem.core.ports.PasswordSource;
import dev.capsem.core.ports.SignatureFailureKind;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.bouncycastle.crypto.generators.SCrypt;

/**
 * minisign's secret key file: reading it as {@code seckey_load} does (same checks, same order, same
 * texts without the trailing newline) and writing it as {@code minisign -G} does.
 */
final class SecretKeyFile {

  private static final int SALT = 6;
  private static final int SALT_BYTES = 32;
  private static final int OPS_LIMIT = 38;
  private static final int MEM_LIMIT = 46;

  /** Where {@code keynum_sk} starts: key id, seed, public key, checksum; the encrypted part. */
  private static final int KEY_ID = 54;

  private static final int SEED = 62;
  private static final int PUBLIC_KEY = 94;
  private static final int CHECKSUM = 126;
  private static final int CHECKSUM_BYTES = 32;
  private static final int ENCRYPTED_BYTES = MinisignFormat.SECRET_KEY_BYTES - KEY_ID;

  private static final byte[] KDF_SCRYPT = {'S', 'c'};
  private static final byte[] KDF_NONE = {0, 0};
  private static final byte[] CHECKSUM_BLAKE2B = {'B', '2'};

  private SecretKeyFile() {}

  /**
   * A decoded, decrypted secret key; the caller wipes {@code seed}.
   *
   * @param keyId the key id
   * @param seed the 32-byte Ed25519 seed
   * @param publicKey the 32-byte Ed25519 public key
   */
  record OpenedKey(KeyId keyId, byte[] seed, byte[] publicKey) {}

  static OpenedKey open(byte[] file, PasswordSource password) throws IOException, Refusal {
    CliFormat.Lines lines = new CliFormat.Lines(file);
    if (lines.fgets(CliFormat.COMMENT_BUFFER) == null) {
      throw new Refusal(SignatureFailureKind.TRUNCATED, "Error while loading the secret key file");
    }
    byte[] line = lines.fgets(CliFormat.base64Buffer(MinisignFormat.SECRET_KEY_BYTES));
    if (line == null) {
      throw new Refusal(SignatureFailureKind.TRUNCATED, "Error while loading the secret key file");
    }
    byte[] key = MinisignFormat.decodeBase64(CliFormat.trim(line).text());
    if (key == null || key.length != MinisignFormat.SECRET_KEY_BYTES) {
      throw new Refusal(
          SignatureFailureKind.MALFORMED_BASE64,
          "base64 conversion failed - was an actual secret key given?");
    }
    try {
      if (!MinisignFormat.startsWith(key, MinisignFormat.KEY_ALGORITHM)) {
        throw new Refusal(
            SignatureFailureKind.UNSUPPORTED_ALGORITHM, "Unsupported signature algorithm");
      }
      if (!Arrays.equals(key, 4, 6, CHECKSUM_BLAKE2B, 0, 2)) {
        throw new Refusal(
            SignatureFailureKind.UNSUPPORTED_CHECKSUM, "Unsupported checksum function");
      }
      if (Arrays.equals(key, 2, 4, KDF_SCRYPT, 0, 2)) {
        decrypt(key, password);
      } else if (!Arrays.equals(key, 2, 4, KDF_NONE, 0, 2)) {
        // minisign 0.11 writes no checksum for unencrypted keys (-W), so none is checked here.
        throw new Refusal(
            SignatureFailureKind.UNSUPPORTED_KDF, "Unsupported key derivation function");
      }
      byte[] seed = Arrays.copyOfRange(key, SEED, SEED + 32);
      byte[] publicKey = Arrays.copyOfRange(key, PUBLIC_KEY, PUBLIC_KEY + 32);
      // libsodium signs with the stored public half; BouncyCastle derives it from the seed. They
      // agree only when the two belong together, and an unencrypted key has no checksum to tell.
      if (!MessageDigest.isEqual(MinisignFormat.publicKeyOf(seed), publicKey)) {
        Arrays.fill(seed, (byte) 0);
        throw new Refusal(
            SignatureFailureKind.CORRUPT_SECRET_KEY,
            "Secret key is corrupt: its public half does not belong to its seed");
      }
      return new OpenedKey(KeyId.fromBytes(key, KEY_ID), seed, publicKey);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  private static void decrypt(byte[] key, PasswordSource password) throws IOException, Refusal {
    ScryptParameters scrypt =
        ScryptParameters.fromLimits(littleEndian(key, OPS_LIMIT), littleEndian(key, MEM_LIMIT))
            .requireAffordable()
            .requireMemory(Runtime.getRuntime().maxMemory());
    byte[] secret = Passwords.require(password, "decrypt the secret key");
    try {
      xorKeyStream(key, secret, scrypt);
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
    byte[] expected = checksum(key);
    if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(key, CHECKSUM, CHECKSUM + 32))) {
      throw new Refusal(SignatureFailureKind.WRONG_PASSWORD, "Wrong password for that key");
    }
  }

  /** The secret key file text for a new key, encrypted or not as {@code protection} says. */
  static String encode(
      KeyId keyId, byte[] seed, byte[] publicKey, KeyProtection protection, SecureRandom random)
      throws IOException, Refusal {
    byte[] key = new byte[MinisignFormat.SECRET_KEY_BYTES];
    try {
      System.arraycopy(MinisignFormat.KEY_ALGORITHM, 0, key, 0, 2);
      System.arraycopy(CHECKSUM_BLAKE2B, 0, key, 4, 2);
      System.arraycopy(keyId.toBytes(), 0, key, KEY_ID, MinisignFormat.KEY_ID_BYTES);
      System.arraycopy(seed, 0, key, SEED, 32);
      System.arraycopy(publicKey, 0, key, PUBLIC_KEY, 32);
      if (protection instanceof KeyProtection.Scrypt) {
        // Unencrypted keys keep kdf 00 00 and all-zero salt, limits and checksum, like -W.
        KeyProtection.Scrypt scrypt = (KeyProtection.Scrypt) protection;
        ScryptParameters parameters =
            ScryptParameters.fromLimits(scrypt.opsLimit(), scrypt.memLimit())
                .requireAffordable()
                .requireMemory(Runtime.getRuntime().maxMemory());
        byte[] secret = Passwords.require(scrypt.password(), "encrypt the secret key");
        try {
          Passwords.requireTypeable(secret);
          System.arraycopy(KDF_SCRYPT, 0, key, 2, 2);
          byte[] salt = new byte[SALT_BYTES];
          random.nextBytes(salt);
          System.arraycopy(salt, 0, key, SALT, SALT_BYTES);
          putLittleEndian(key, OPS_LIMIT, scrypt.opsLimit());
          putLittleEndian(key, MEM_LIMIT, scrypt.memLimit());
          System.arraycopy(checksum(key), 0, key, CHECKSUM, CHECKSUM_BYTES);
          xorKeyStream(key, secret, parameters);
        } finally {
          Arrays.fill(secret, (byte) 0);
        }
      }
      return MinisignFormat.UNTRUSTED_PREFIX
          + MinisignFormat.SECRET_KEY_COMMENT
          + "\n"
          + MinisignFormat.encodeBase64(key)
          + "\n";
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /** XORs {@code keynum_sk} with scrypt(password, salt) in place: encrypts and decrypts alike. */
  private static void xorKeyStream(byte[] key, byte[] password, ScryptParameters parameters)
      throws Refusal {
    byte[] salt = Arrays.copyOfRange(key, SALT, SALT + SALT_BYTES);
    byte[] stream;
    try {
      stream =
          SCrypt.generate(
              password, salt, parameters.n(), parameters.r(), parameters.p(), ENCRYPTED_BYTES);
    } catch (OutOfMemoryError e) {
      // The check before passed but the heap was taken by something else: scrypt's table is
      // garbage now, and the user gets the same coded error instead of a stack trace.
      throw parameters.notEnoughMemory(Runtime.getRuntime().maxMemory());
    }
    for (int i = 0; i < ENCRYPTED_BYTES; i++) {
      key[KEY_ID + i] ^= stream[i];
    }
    Arrays.fill(stream, (byte) 0);
  }

  /** BLAKE2b-256 over signature algorithm, key id and the 64-byte secret key. */
  private static byte[] checksum(byte[] key) {
    Blake2bDigest digest = new Blake2bDigest(CHECKSUM_BYTES * 8);
    digest.update(key, 0, 2);
    digest.update(key, KEY_ID, CHECKSUM - KEY_ID);
    byte[] out = new byte[CHECKSUM_BYTES];
    digest.doFinal(out, 0);
    return out;
  }

  private static long littleEndian(byte[] bytes, int offset) {
    long value = 0;
    for (int i = 7; i >= 0; i--) {
      value = (value << 8) | (bytes[offset + i] & 0xFFL);
    }
    return value;
  }

  private static void putLittleEndian(byte[] bytes, int offset, long value) {
    for (int i = 0; i < 8; i++) {
      bytes[offset + i] = (byte) (value >>> (8 * i));
    }
  }
}

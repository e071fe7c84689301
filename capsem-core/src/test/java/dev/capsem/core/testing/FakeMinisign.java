package dev.capsem.core.testing;

import dev.capsem.core.ports.GeneratedKeyPair;
import dev.capsem.core.ports.KeyId;
import dev.capsem.core.ports.KeyProtection;
import dev.capsem.core.ports.PasswordSource;
import dev.capsem.core.ports.SignatureAlgorithm;
import dev.capsem.core.ports.SignatureComments;
import dev.capsem.core.ports.SignatureFailureKind;
import dev.capsem.core.ports.SignatureVerification;
import dev.capsem.core.ports.SignatureVerifier;
import dev.capsem.core.ports.Signer;
import dev.capsem.core.ports.SigningException;
import dev.capsem.core.ports.SigningKey;
import dev.capsem.core.ports.SigningKeyGenerator;
import dev.capsem.core.ports.VerificationPolicy;
import dev.capsem.core.ports.VerifyOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signer, verifier and key generator for core tests that need no BouncyCastle: minisign's file
 * layouts, key ids, comments and failure kinds, over JDK primitives. <b>Not a signature scheme</b>:
 * the "signature" is an HMAC keyed with the public key, so anyone holding the public key could
 * sign; only this fake reads what it writes. The real adapter is {@code
 * dev.capsem.signing.Minisign}.
 *
 * <pre>
 * public key  (42):  "Ed" | key id (8) | public key = SHA-256(seed) (32)
 * signature   (74):  "ED" or "Ed" | key id (8) | HMAC-SHA512(public key, SHA-512(payload) or payload)
 * global sig  (64):  HMAC-SHA512(public key, signature (64) | trusted comment bytes)
 * secret key (158):  "Ed" | kdf "Sc" or 00 00 | "B2" | salt (32) | opslimit | memlimit (u64le)
 *                    | key id (8) | seed (32) | public key (32) | SHA-256 checksum (32)
 *                    (from the key id on XORed with PBKDF2(password, salt) when "Sc")
 * </pre>
 */
public final class FakeMinisign {

  private static final String UNTRUSTED = "untrusted comment: ";
  private static final String TRUSTED = "trusted comment: ";
  private static final byte[] KEY_TAG = {'E', 'd'};
  private static final byte[] KDF_SCRYPT = {'S', 'c'};
  private static final byte[] KDF_NONE = {0, 0};
  private static final byte[] CHECKSUM_TAG = {'B', '2'};
  private static final int SALT = 6;
  private static final int KEY_ID = 54;
  private static final int SEED = 62;
  private static final int PUBLIC = 94;
  private static final int CHECKSUM = 126;
  private static final int SECRET_KEY_BYTES = 158;

  private FakeMinisign() {}

  public static Signer signer() {
    return new FakeSigner();
  }

  public static SignatureVerifier verifier() {
    return new FakeVerifier();
  }

  public static SigningKeyGenerator keyGenerator() {
    return new FakeKeyGenerator(new SecureRandom());
  }

  /** A legacy {@code Ed} signature by a key this fake opened: over the payload, not its hash. */
  public static String signLegacy(SigningKey key, byte[] payload, SignatureComments comments) {
    return ((FakeKey) key).signatureText(SignatureAlgorithm.LEGACY, payload, comments);
  }

  // ---- primitives

  private static byte[] mac(byte[] key, byte[]... parts) {
    try {
      Mac mac = Mac.getInstance("HmacSHA512");
      mac.init(new SecretKeySpec(key, "HmacSHA512"));
      for (byte[] part : parts) {
        mac.update(part);
      }
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] publicKeyOf(byte[] seed) {
    return digest("SHA-256").digest(seed);
  }

  private static byte[] checksum(byte[] key) {
    MessageDigest sha = digest("SHA-256");
    sha.update(key, 0, 2);
    sha.update(key, KEY_ID, CHECKSUM - KEY_ID);
    return sha.digest();
  }

  private static void xorKeyStream(byte[] key, char[] password) {
    try {
      byte[] stream =
          SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
              .generateSecret(
                  new PBEKeySpec(
                      password,
                      Arrays.copyOfRange(key, SALT, SALT + 32),
                      1000,
                      (SECRET_KEY_BYTES - KEY_ID) * 8))
              .getEncoded();
      for (int i = 0; i < stream.length; i++) {
        key[KEY_ID + i] ^= stream[i];
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** Canonical base64 of exactly {@code length} bytes, or a refusal. */
  private static byte[] decode(String text, int length, String what) throws SigningException {
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      decoded = null;
    }
    if (decoded == null || decoded.length != length || !base64(decoded).equals(text)) {
      throw new SigningException(
          SignatureFailureKind.MALFORMED_BASE64, "base64 conversion failed for the " + what);
    }
    return decoded;
  }

  /** The lines of a file, each without its line end; at most {@code count}. */
  private static List<String> lines(byte[] file, int count) {
    String text = new String(file, StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>();
    int from = 0;
    while (lines.size() < count && from < text.length()) {
      int end = text.indexOf('\n', from);
      String line = end < 0 ? text.substring(from) : text.substring(from, end);
      lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
      from = end < 0 ? text.length() : end + 1;
    }
    return lines;
  }

  private static boolean startsWith(byte[] bytes, int at, byte[] tag) {
    return Arrays.equals(bytes, at, at + tag.length, tag, 0, tag.length);
  }

  private static char[] password(PasswordSource source) throws IOException, SigningException {
    Optional<char[]> password = source.read();
    if (password.isEmpty()) {
      throw new SigningException(
          SignatureFailureKind.PASSWORD_REQUIRED, "a password is required for this key");
    }
    return password.get();
  }

  private static void writeAtomically(Path target, String text, String permissions)
      throws IOException {
    Path absolute = target.toAbsolutePath();
    Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
    try {
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      if (Files.getFileAttributeView(temp, PosixFileAttributeView.class) != null) {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString(permissions));
      }
      try {
        Files.move(
            temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  // ---- keys

  private static final class FakeKey implements SigningKey {
    private final KeyId keyId;
    private final byte[] seed;
    private final byte[] publicKey;
    private volatile boolean closed;

    FakeKey(KeyId keyId, byte[] seed) {
      this.keyId = keyId;
      this.seed = seed.clone();
      this.publicKey = publicKeyOf(seed);
    }

    @Override
    public KeyId keyId() {
      return keyId;
    }

    @Override
    public String publicKeyText() {
      return publicKeyFile(keyId, publicKey);
    }

    /** A MAC in Ed25519's 64 bytes (not a signature scheme: see the class comment). */
    @Override
    public byte[] signRaw(byte[] message) {
      if (closed) {
        throw new IllegalStateException("signing key " + keyId + " was closed");
      }
      return mac(publicKey, message);
    }

    @Override
    public String sign(byte[] payload, SignatureComments comments) {
      return signatureText(
          SignatureAlgorithm.PREHASHED, digest("SHA-512").digest(payload), comments);
    }

    @Override
    public String sign(Path payload, SignatureComments comments) throws IOException {
      MessageDigest sha = digest("SHA-512");
      try (InputStream in = Files.newInputStream(payload)) {
        byte[] buffer = new byte[64 * 1024];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          sha.update(buffer, 0, n);
        }
      }
      return signatureText(SignatureAlgorithm.PREHASHED, sha.digest(), comments);
    }

    @Override
    public void signFile(Path payload, SignatureComments comments, Path signatureFile)
        throws IOException {
      writeAtomically(signatureFile, sign(payload, comments), "rw-r--r--");
    }

    String signatureText(SignatureAlgorithm algorithm, byte[] signed, SignatureComments comments) {
      if (closed) {
        throw new IllegalStateException("signing key " + keyId + " was closed");
      }
      byte[] signature = new byte[74];
      System.arraycopy(algorithm.tagBytes(), 0, signature, 0, 2);
      System.arraycopy(keyId.toBytes(), 0, signature, 2, 8);
      byte[] value = mac(publicKey, signed);
      System.arraycopy(value, 0, signature, 10, 64);
      byte[] global = mac(publicKey, value, comments.trusted().getBytes(StandardCharsets.UTF_8));
      return UNTRUSTED
          + comments.untrusted()
          + "\n"
          + base64(signature)
          + "\n"
          + TRUSTED
          + comments.trusted()
          + "\n"
          + base64(global)
          + "\n";
    }

    @Override
    public void close() {
      closed = true;
      Arrays.fill(seed, (byte) 0);
    }
  }

  private static String publicKeyFile(KeyId keyId, byte[] publicKey) {
    byte[] key = new byte[42];
    System.arraycopy(KEY_TAG, 0, key, 0, 2);
    System.arraycopy(keyId.toBytes(), 0, key, 2, 8);
    System.arraycopy(publicKey, 0, key, 10, 32);
    return UNTRUSTED + "minisign public key " + keyId.hex() + "\n" + base64(key) + "\n";
  }

  private static final class FakeSigner implements Signer {
    @Override
    public SigningKey open(byte[] secretKeyFile, PasswordSource password)
        throws IOException, SigningException {
      List<String> lines = lines(secretKeyFile, 2);
      if (lines.size() < 2) {
        throw new SigningException(
            SignatureFailureKind.TRUNCATED, "Error while loading the secret key file");
      }
      byte[] key = decode(lines.get(1).strip(), SECRET_KEY_BYTES, "secret key");
      if (!startsWith(key, 0, KEY_TAG)) {
        throw new SigningException(
            SignatureFailureKind.UNSUPPORTED_ALGORITHM, "Unsupported signature algorithm");
      }
      if (!startsWith(key, 4, CHECKSUM_TAG)) {
        throw new SigningException(
            SignatureFailureKind.UNSUPPORTED_CHECKSUM, "Unsupported checksum function");
      }
      if (startsWith(key, 2, KDF_SCRYPT)) {
        char[] secret = password(password);
        try {
          xorKeyStream(key, secret);
        } finally {
          Arrays.fill(secret, '\0');
        }
        if (!Arrays.equals(checksum(key), Arrays.copyOfRange(key, CHECKSUM, CHECKSUM + 32))) {
          throw new SigningException(
              SignatureFailureKind.WRONG_PASSWORD, "Wrong password for that key");
        }
      } else if (!startsWith(key, 2, KDF_NONE)) {
        throw new SigningException(
            SignatureFailureKind.UNSUPPORTED_KDF, "Unsupported key derivation function");
      }
      byte[] seed = Arrays.copyOfRange(key, SEED, SEED + 32);
      if (!Arrays.equals(publicKeyOf(seed), Arrays.copyOfRange(key, PUBLIC, PUBLIC + 32))) {
        throw new SigningException(
            SignatureFailureKind.CORRUPT_SECRET_KEY,
            "Secret key is corrupt: its public half does not belong to its seed");
      }
      return new FakeKey(KeyId.fromBytes(key, KEY_ID), seed);
    }

    @Override
    public SigningKey open(Path secretKeyFile, PasswordSource password)
        throws IOException, SigningException {
      return open(Files.readAllBytes(secretKeyFile), password);
    }
  }

  private static final class FakeKeyGenerator implements SigningKeyGenerator {
    private final SecureRandom random;

    FakeKeyGenerator(SecureRandom random) {
      this.random = random;
    }

    @Override
    public GeneratedKeyPair generate(KeyProtection protection)
        throws IOException, SigningException {
      byte[] key = new byte[SECRET_KEY_BYTES];
      byte[] seed = new byte[32];
      random.nextBytes(seed);
      byte[] id = new byte[8];
      random.nextBytes(id);
      KeyId keyId = KeyId.fromBytes(id, 0);
      byte[] publicKey = publicKeyOf(seed);
      System.arraycopy(KEY_TAG, 0, key, 0, 2);
      System.arraycopy(CHECKSUM_TAG, 0, key, 4, 2);
      System.arraycopy(id, 0, key, KEY_ID, 8);
      System.arraycopy(seed, 0, key, SEED, 32);
      System.arraycopy(publicKey, 0, key, PUBLIC, 32);
      if (protection instanceof KeyProtection.Scrypt scrypt) {
        char[] secret = password(scrypt.password());
        try {
          byte[] bytes = new String(secret).getBytes(StandardCharsets.UTF_8);
          if (bytes.length > 1023 || new String(secret).matches("(?s).*[\r\n\0].*")) {
            throw new SigningException(
                SignatureFailureKind.INVALID_PASSWORD, "minisign could not read this password");
          }
          System.arraycopy(KDF_SCRYPT, 0, key, 2, 2);
          byte[] salt = new byte[32];
          random.nextBytes(salt);
          System.arraycopy(salt, 0, key, SALT, 32);
          System.arraycopy(checksum(key), 0, key, CHECKSUM, 32);
          xorKeyStream(key, secret);
        } finally {
          Arrays.fill(secret, '\0');
        }
      }
      return new GeneratedKeyPair(
          keyId,
          publicKeyFile(keyId, publicKey),
          UNTRUSTED + "minisign encrypted secret key\n" + base64(key) + "\n");
    }

    @Override
    public KeyId generateFiles(
        Path publicKeyFile, Path secretKeyFile, KeyProtection protection, boolean overwrite)
        throws IOException, SigningException {
      if (publicKeyFile
          .toAbsolutePath()
          .normalize()
          .equals(secretKeyFile.toAbsolutePath().normalize())) {
        throw new IllegalArgumentException("the public and the secret key need two files");
      }
      if (!overwrite) {
        for (Path file : List.of(publicKeyFile, secretKeyFile)) {
          if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(file.toString());
          }
        }
      }
      GeneratedKeyPair pair = generate(protection);
      writeAtomically(secretKeyFile, pair.secretKeyText(), "rw-------");
      writeAtomically(publicKeyFile, pair.publicKeyText(), "rw-r--r--");
      return pair.keyId();
    }
  }

  // ---- verification

  private static final class FakeVerifier implements SignatureVerifier {

    @Override
    public SignatureVerification verify(
        byte[] payload, byte[] signatureFile, byte[] publicKeyFile, VerifyOptions options) {
      try {
        return verified(payload, signatureFile, publicKeyFile, options, options.signatureName());
      } catch (SigningException refused) {
        return new SignatureVerification.Rejected(refused.failure());
      }
    }

    @Override
    public SignatureVerification verifyFiles(
        Path payload, Path signatureFile, Path publicKeyFile, VerifyOptions options) {
      String name =
          options.signatureName().equals(VerifyOptions.UNNAMED_SIGNATURE)
              ? signatureFile.toString()
              : options.signatureName();
      byte[][] read = new byte[3][];
      Path[] files = {publicKeyFile, signatureFile, payload};
      for (int i = 0; i < files.length; i++) {
        try {
          read[i] = Files.readAllBytes(files[i]);
        } catch (IOException e) {
          return SignatureVerification.rejected(
              SignatureFailureKind.UNREADABLE, files[i] + ": cannot be read (" + e + ")\n");
        }
      }
      try {
        return verified(read[2], read[1], read[0], options, name);
      } catch (SigningException refused) {
        return new SignatureVerification.Rejected(refused.failure());
      }
    }

    private static SignatureVerification verified(
        byte[] payload,
        byte[] signatureFile,
        byte[] publicKeyFile,
        VerifyOptions options,
        String name)
        throws SigningException {
      boolean cli = options.policy() == VerificationPolicy.MINISIGN_CLI;
      List<String> keyLines = lines(publicKeyFile, 2);
      if (keyLines.size() < 2) {
        throw new SigningException(SignatureFailureKind.TRUNCATED, "truncated public key\n");
      }
      byte[] key = decode(keyLines.get(1).strip(), 42, "public key");
      if (!startsWith(key, 0, KEY_TAG)) {
        throw new SigningException(
            SignatureFailureKind.UNSUPPORTED_ALGORITHM, "Unsupported signature algorithm\n");
      }
      List<String> lines = lines(signatureFile, 4);
      if (lines.size() < 4) {
        throw new SigningException(SignatureFailureKind.TRUNCATED, "truncated signature\n");
      }
      if (cli && !lines.get(0).startsWith(UNTRUSTED)) {
        throw new SigningException(
            SignatureFailureKind.MALFORMED_COMMENT,
            "Untrusted signature comment should start with \"untrusted comment: \"\n");
      }
      byte[] signature = decode(lines.get(1), 74, "signature");
      if (!lines.get(2).startsWith(TRUSTED)) {
        throw new SigningException(
            SignatureFailureKind.MALFORMED_COMMENT,
            "Trusted signature comment should start with \"trusted comment: \"\n");
      }
      byte[] global = decode(lines.get(3), 64, "global signature");
      SignatureAlgorithm algorithm;
      if (startsWith(signature, 0, SignatureAlgorithm.PREHASHED.tagBytes())) {
        algorithm = SignatureAlgorithm.PREHASHED;
      } else if (startsWith(signature, 0, SignatureAlgorithm.LEGACY.tagBytes())) {
        algorithm = SignatureAlgorithm.LEGACY;
      } else {
        throw new SigningException(
            SignatureFailureKind.UNSUPPORTED_ALGORITHM, "Unsupported signature algorithm\n");
      }
      if (algorithm == SignatureAlgorithm.LEGACY && !options.allowLegacy()) {
        throw new SigningException(
            SignatureFailureKind.LEGACY_NOT_ALLOWED, "Legacy (non-prehashed) signature found\n");
      }
      KeyId signatureKey = KeyId.fromBytes(signature, 2);
      KeyId publicKeyId = KeyId.fromBytes(key, 2);
      if (!signatureKey.equals(publicKeyId)) {
        throw new SigningException(
            SignatureFailureKind.WRONG_KEY_ID,
            "Signature key id in "
                + name
                + " is "
                + signatureKey.hex()
                + "\nbut the key id in the public key is "
                + publicKeyId.hex()
                + "\n");
      }
      byte[] publicKey = Arrays.copyOfRange(key, 10, 42);
      byte[] value = Arrays.copyOfRange(signature, 10, 74);
      byte[] signed =
          algorithm == SignatureAlgorithm.PREHASHED ? digest("SHA-512").digest(payload) : payload;
      if (!MessageDigest.isEqual(mac(publicKey, signed), value)) {
        throw new SigningException(
            SignatureFailureKind.BAD_SIGNATURE, "Signature verification failed\n");
      }
      String trusted = lines.get(2).substring(TRUSTED.length());
      if (!MessageDigest.isEqual(
          mac(publicKey, value, trusted.getBytes(StandardCharsets.UTF_8)), global)) {
        throw new SigningException(
            SignatureFailureKind.BAD_GLOBAL_SIGNATURE, "Comment signature verification failed\n");
      }
      String untrusted =
          lines.get(0).startsWith(UNTRUSTED)
              ? lines.get(0).substring(UNTRUSTED.length())
              : lines.get(0);
      return new SignatureVerification.Verified(signatureKey, algorithm, trusted, untrusted);
    }
  }
}

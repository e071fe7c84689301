package dev.capsem.signing;

import dev.capsem.core.ports.AtomicFiles;
import dev.capsem.core.ports.GeneratedKeyPair;
import dev.capsem.core.ports.KeyId;
import dev.capsem.core.ports.KeyProtection;
import dev.capsem.core.ports.SigningException;
import dev.capsem.core.ports.SigningKeyGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;

/** {@code minisign -G}: a random key id and Ed25519 seed, written in minisign's formats. */
final class MinisignKeyGenerator implements SigningKeyGenerator {

  private final Supplier<SecureRandom> randomness;

  /**
   * @param randomness gives the randomness of each key pair: a fresh {@link SecureRandom} is made
   *     only when a key is generated, as seeding one costs tens of milliseconds at start-up
   */
  MinisignKeyGenerator(Supplier<SecureRandom> randomness) {
    this.randomness = Objects.requireNonNull(randomness, "randomness");
  }

  @Override
  public GeneratedKeyPair generate(KeyProtection protection) throws IOException, SigningException {
    Objects.requireNonNull(protection, "protection");
    SecureRandom random = Objects.requireNonNull(randomness.get(), "random");
    byte[] keyIdBytes = new byte[MinisignFormat.KEY_ID_BYTES];
    random.nextBytes(keyIdBytes);
    KeyId keyId = KeyId.fromBytes(keyIdBytes, 0);
    byte[] seed = new byte[32];
    random.nextBytes(seed);
    try {
      byte[] publicKey = MinisignFormat.publicKeyOf(seed);
      String secretKeyText = SecretKeyFile.encode(keyId, seed, publicKey, protection, random);
      return new GeneratedKeyPair(
          keyId, MinisignFormat.publicKeyText(keyId, publicKey), secretKeyText);
    } catch (Refusal refusal) {
      throw new SigningException(refusal.failure());
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  @Override
  public KeyId generateFiles(
      Path publicKeyFile, Path secretKeyFile, KeyProtection protection, boolean overwrite)
      throws IOException, SigningException {
    if (publicKeyFile
        .toAbsolutePath()
        .normalize()
        .equals(secretKeyFile.toAbsolutePath().normalize())) {
      throw new IllegalArgumentException(
          "the public and the secret key need two different files: " + publicKeyFile);
    }
    if (!overwrite) {
      // Checked before generating so that a refusal costs nothing and asks for no password.
      refuseExisting(publicKeyFile);
      refuseExisting(secretKeyFile);
    }
    // scrypt runs here, before any file is touched: failing or killed now changes nothing.
    GeneratedKeyPair pair = generate(protection);
    // Both files are complete on disk before either is moved into place, so only the renames can
    // still fail.
    try (AtomicFiles.Staged secret =
            AtomicFiles.stage(
                secretKeyFile,
                pair.secretKeyText().getBytes(StandardCharsets.US_ASCII),
                AtomicFiles.Access.OWNER_ONLY);
        AtomicFiles.Staged pub =
            AtomicFiles.stage(
                publicKeyFile,
                pair.publicKeyText().getBytes(StandardCharsets.US_ASCII),
                AtomicFiles.Access.PUBLISHED)) {
      if (overwrite) {
        KeyRotation.replace(secret, pub);
      } else {
        secret.commit(false);
        try {
          pub.commit(false);
        } catch (IOException e) {
          Files.deleteIfExists(secretKeyFile);
          throw e;
        }
      }
    }
    return pair.keyId();
  }

  private static void refuseExisting(Path file) throws FileAlreadyExistsException {
    // A dangling symbolic link counts as existing: writing through it would surprise.
    if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new FileAlreadyExistsException(
          file.toString(), null, "key file exists; refusing to overwrite it unless told to");
    }
  }
}

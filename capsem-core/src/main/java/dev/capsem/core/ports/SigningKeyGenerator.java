package dev.capsem.core.ports;

import java.io.IOException;
import java.nio.file.Path;

/** Creates minisign key pairs that the {@code minisign} CLI reads as its own. */
public interface SigningKeyGenerator {

  /**
   * Generates a key pair in memory.
   *
   * @throws SigningException when {@code protection} asks for a password and the source has none,
   *     or one minisign could not read back ({@link SignatureFailureKind#INVALID_PASSWORD})
   * @throws IOException when the password source fails
   */
  GeneratedKeyPair generate(KeyProtection protection) throws IOException, SigningException;

  /**
   * Generates a key pair and writes both files, each atomically (temporary file in the same folder,
   * then a move); the secret key is readable by its owner only where the file system supports POSIX
   * permissions.
   *
   * @param overwrite whether existing files may be replaced; when false and either file exists,
   *     nothing is generated or written and {@link java.nio.file.FileAlreadyExistsException} is
   *     thrown
   * @return the new key id
   */
  KeyId generateFiles(
      Path publicKeyFile, Path secretKeyFile, KeyProtection protection, boolean overwrite)
      throws IOException, SigningException;
}

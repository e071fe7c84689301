package dev.capsem.signing;

import dev.capsem.core.ports.PasswordSource;
import dev.capsem.core.ports.Signer;
import dev.capsem.core.ports.SigningException;
import dev.capsem.core.ports.SigningKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Opens minisign secret keys; signing itself is done by {@link MinisignSigningKey}. */
final class MinisignSigner implements Signer {

  /** A secret key file is two short lines; anything longer than this is not one. */
  private static final int MAX_SECRET_KEY_FILE_BYTES = 16 * 1024;

  @Override
  public SigningKey open(byte[] secretKeyFile, PasswordSource password)
      throws IOException, SigningException {
    SecretKeyFile.OpenedKey key;
    try {
      key = SecretKeyFile.open(secretKeyFile, password);
    } catch (Refusal refusal) {
      throw new SigningException(refusal.failure());
    }
    try {
      return new MinisignSigningKey(key.keyId(), key.seed(), key.publicKey());
    } finally {
      Arrays.fill(key.seed(), (byte) 0);
    }
  }

  @Override
  public SigningKey open(Path secretKeyFile, PasswordSource password)
      throws IOException, SigningException {
    byte[] file;
    try (InputStream in = Files.newInputStream(secretKeyFile)) {
      file = in.readNBytes(MAX_SECRET_KEY_FILE_BYTES);
    }
    try {
      return open(file, password);
    } finally {
      Arrays.fill(file, (byte) 0);
    }
  }
}

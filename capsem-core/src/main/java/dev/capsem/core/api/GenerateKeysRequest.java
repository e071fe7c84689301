package dev.capsem.core.api;

import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.ports.PasswordSource;
import java.util.Objects;

/**
 * {@code key generate}: a minisign key pair, {@code minisign.pub} and {@code minisign.key}.
 *
 * @param outDir the folder to write both files to (created when missing)
 * @param outDirAsGiven the folder as the user named it
 * @param unencrypted store the secret key in clear ({@code minisign -W})
 * @param password the secret key's password (scrypt, minisign's parameters) unless unencrypted
 * @param force replace existing key files
 */
public record GenerateKeysRequest(
    GivenPath outDir, boolean unencrypted, PasswordSource password, boolean force) {

  public static final String PUBLIC_KEY_FILE = "minisign.pub";
  public static final String SECRET_KEY_FILE = "minisign.key";

  public GenerateKeysRequest {
    Objects.requireNonNull(outDir, "outDir");
    Objects.requireNonNull(password, "password");
  }
}

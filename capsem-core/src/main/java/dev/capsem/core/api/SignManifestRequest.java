package dev.capsem.core.api;

import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.ports.PasswordSource;
import java.util.Objects;

/**
 * {@code manifest sign}.
 *
 * @param manifest the file to sign
 * @param manifestAsGiven the file as the user named it
 * @param key the minisign secret key
 * @param keyAsGiven the key as the user named it
 * @param signature where to write the signature, or {@code null} for {@code <manifest>.minisig}
 * @param signatureAsGiven the signature as the user named it
 * @param password read only when the key turns out to be encrypted
 */
public record SignManifestRequest(
    GivenPath manifest, GivenPath key, GivenPath signature, PasswordSource password) {

  public SignManifestRequest {
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(password, "password");
  }
}

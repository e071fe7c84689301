package dev.capsem.core.ports;

import java.util.Objects;

/**
 * A new key pair as the texts of minisign's two files.
 *
 * @param keyId the random key id shared by both
 * @param publicKeyText the {@code .pub} file ({@code untrusted comment: minisign public key <ID>})
 * @param secretKeyText the secret key file ({@code untrusted comment: minisign encrypted secret
 *     key}, even when unencrypted, as minisign writes it)
 */
public record GeneratedKeyPair(KeyId keyId, String publicKeyText, String secretKeyText) {

  public GeneratedKeyPair {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(publicKeyText, "publicKeyText");
    Objects.requireNonNull(secretKeyText, "secretKeyText");
  }

  /** Keeps the secret key out of logs. */
  @Override
  public String toString() {
    return "GeneratedKeyPair[keyId=" + keyId + ", publicKeyText=" + publicKeyText.strip() + "]";
  }
}

package dev.capsem.core.internal.manifest;

import dev.capsem.core.internal.json.ObjectNode;
import java.util.Objects;

/**
 * Ours (decision D20): the check of the catalog's own signature ({@code <catalog>.minisig}) that
 * {@code manifest check --pubkey} makes before anything the catalog names is trusted. A client
 * given a key fails closed: a missing or bad signature fails the check (E575), and nothing is
 * fetched.
 *
 * @param path the signature file as reports name it
 * @param publicKey the public key file as the user named it
 * @param keyId the id of the key that made the signature, when it verified
 * @param failure {@code missing} or {@code signature_invalid}, when it did not
 * @param message minisign's text for a bad signature, or what is missing
 */
public record CatalogSignature(
    String path, String publicKey, String keyId, String failure, String message) {

  public CatalogSignature {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(publicKey, "publicKey");
  }

  public boolean ok() {
    return failure == null;
  }

  /** {@code {path, public_key, ok, key_id}} or {@code {path, public_key, ok, failure, message}}. */
  public ObjectNode toJson() {
    ObjectNode.Builder out =
        ObjectNode.builder().put("path", path).put("public_key", publicKey).put("ok", ok());
    if (keyId != null) {
      out.put("key_id", keyId);
    }
    if (failure != null) {
      out.put("code", "E575").put("failure", failure).put("message", message);
    }
    return out.build();
  }
}

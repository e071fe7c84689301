package dev.capsem.core.internal.manifest;

import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.ports.SignatureVerification;
import dev.capsem.core.ports.SignatureVerifier;
import dev.capsem.core.ports.Signer;
import dev.capsem.core.ports.VerifyOptions;
import java.nio.file.Files;
import java.nio.file.Path;
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

  /**
   * The catalog's own signature, {@code <catalog>.minisig}, verified with {@code --pubkey}; null
   * without a key.
   */
  static CatalogSignature verify(
      SignatureVerifier verifier, String manifestShown, CheckOptions options) {
    if (options.publicKey() == null || options.catalogFile() == null) {
      return null;
    }
    Path file = options.catalogFile();
    Path signatureFile = file.resolveSibling(file.getFileName() + Signer.SIGNATURE_SUFFIX);
    String shown = manifestShown + Signer.SIGNATURE_SUFFIX;
    String keyShown = options.publicKey().toString();
    if (!Files.isRegularFile(signatureFile)) {
      return new CatalogSignature(
          shown,
          keyShown,
          null,
          "missing",
          "catalog signature "
              + shown
              + " is missing; with --pubkey the catalog must be signed (sign it with manifest"
              + " sign)");
    }
    VerifyOptions verify = VerifyOptions.cli().namingSignature(shown);
    SignatureVerification result =
        verifier.verifyFiles(
            file,
            signatureFile,
            options.publicKey(),
            options.allowLegacySignatures() ? verify.allowingLegacy() : verify);
    if (result instanceof SignatureVerification.Verified verified) {
      return new CatalogSignature(shown, keyShown, verified.keyId().hex(), null, null);
    }
    return new CatalogSignature(shown, keyShown, null, "signature_invalid", result.message());
  }
}

package dev.capsem.core.api;

import java.nio.file.Path;
import java.util.Objects;

/**
 * {@code manifest verify-signature}: like {@code minisign -Vm manifest -x signature -p publicKey}.
 *
 * @param allowLegacySignatures accept a legacy {@code Ed} signature (off by default, decision D7)
 */
public record VerifySignatureRequest(
    Path manifest,
    String manifestAsGiven,
    Path signature,
    String signatureAsGiven,
    Path publicKey,
    String publicKeyAsGiven,
    boolean allowLegacySignatures) {

  public VerifySignatureRequest {
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(manifestAsGiven, "manifestAsGiven");
    Objects.requireNonNull(signature, "signature");
    Objects.requireNonNull(signatureAsGiven, "signatureAsGiven");
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(publicKeyAsGiven, "publicKeyAsGiven");
  }
}

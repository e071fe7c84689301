package dev.capsem.core.api;

import dev.capsem.core.diag.GivenPath;
import java.util.Objects;

/**
 * {@code manifest verify-signature}: like {@code minisign -Vm manifest -x signature -p publicKey}.
 *
 * @param allowLegacySignatures accept a legacy {@code Ed} signature (off by default, decision D7)
 */
public record VerifySignatureRequest(
    GivenPath manifest, GivenPath signature, GivenPath publicKey, boolean allowLegacySignatures) {

  public VerifySignatureRequest {
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(signature, "signature");
    Objects.requireNonNull(publicKey, "publicKey");
  }
}

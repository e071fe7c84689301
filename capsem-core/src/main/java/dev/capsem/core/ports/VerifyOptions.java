package dev.capsem.core.ports;

import java.util.Objects;

/**
 * How to verify.
 *
 * @param policy which reference implementation to mirror
 * @param allowLegacy whether legacy {@code Ed} signatures (over the raw payload) are accepted; off
 *     by default (decision D7)
 * @param signatureName how the key-id mismatch message names the signature file ({@code Signature
 *     key id in <name> is …}); {@link SignatureVerifier#verifyFiles} uses the path it was given
 *     while this is {@link #UNNAMED_SIGNATURE}
 */
public record VerifyOptions(VerificationPolicy policy, boolean allowLegacy, String signatureName) {

  /** The name used in messages when the caller verifies bytes without naming them. */
  public static final String UNNAMED_SIGNATURE = "signature";

  public VerifyOptions {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(signatureName, "signatureName");
    if (signatureName.isEmpty()) {
      throw new IllegalArgumentException("signatureName must not be empty");
    }
  }

  /** {@code minisign -V -H}: CLI texts, prehashed signatures only. */
  public static VerifyOptions cli() {
    return new VerifyOptions(VerificationPolicy.MINISIGN_CLI, false, UNNAMED_SIGNATURE);
  }

  /** The upstream runtime: {@code verify(bytes, sig, allow_legacy = false)}. */
  public static VerifyOptions runtime() {
    return new VerifyOptions(VerificationPolicy.RUNTIME, false, UNNAMED_SIGNATURE);
  }

  /** The same options, also accepting legacy {@code Ed} signatures. */
  public VerifyOptions allowingLegacy() {
    return new VerifyOptions(policy, true, signatureName);
  }

  /** The same options, naming the signature file in messages. */
  public VerifyOptions namingSignature(String name) {
    return new VerifyOptions(policy, allowLegacy, name);
  }
}

package dev.capsem.core.ports;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Verifies detached minisign signatures (Ed25519, prehashed {@code ED}; legacy {@code Ed} only on
 * request). Implementations are stateless and thread-safe. Every problem, unreadable files
 * included, comes back as a {@link SignatureVerification.Rejected} with a {@link
 * SignatureFailureKind}; nothing is thrown for bad input.
 */
public interface SignatureVerifier {

  /**
   * Verifies a payload held in memory.
   *
   * @param payload the signed bytes
   * @param signatureFile the bytes of the {@code .minisig} file (four lines)
   * @param publicKeyFile the bytes of the {@code .pub} file (comment line, base64 line)
   * @param options policy, legacy opt-in and the signature's display name
   */
  SignatureVerification verify(
      byte[] payload, byte[] signatureFile, byte[] publicKeyFile, VerifyOptions options);

  /** Verifies with the signature and public key given as text (encoded as UTF-8). */
  default SignatureVerification verify(
      byte[] payload, String signatureText, String publicKeyText, VerifyOptions options) {
    return verify(
        payload,
        signatureText.getBytes(StandardCharsets.UTF_8),
        publicKeyText.getBytes(StandardCharsets.UTF_8),
        options);
  }

  /**
   * Verifies a file against a signature file and a public key file, like {@code minisign -Vm
   * payload -x signatureFile -p publicKeyFile}. A prehashed payload is streamed, never held whole
   * in memory. Messages name the signature file as {@code signatureFile.toString()}, unless the
   * options name it ({@link VerifyOptions#namingSignature}), e.g. a staged download reported under
   * the name it will be kept as.
   */
  SignatureVerification verifyFiles(
      Path payload, Path signatureFile, Path publicKeyFile, VerifyOptions options);
}

package dev.capsem.core.ports;

/**
 * Which reference implementation a verification mirrors. Both check the same cryptography; they
 * differ in what they tolerate in the file text, in the order of checks, and in the messages.
 */
public enum VerificationPolicy {
  /**
   * Like {@code minisign -V} 0.11 ({@code manifest verify-signature}, {@code manifest check
   * --pubkey}): the untrusted-comment prefix is required, public keys must be tagged {@code Ed},
   * lines are read the way minisign reads them, and messages are minisign's stderr texts.
   */
  MINISIGN_CLI,
  /**
   * Like the upstream runtime ({@code minisign-verify} 0.2.4, used by the compatibility gates):
   * untrusted comments are ignored, public keys tagged {@code ED} are accepted, the key id is
   * checked before the algorithm, and messages are {@code decode pubkey: …}, {@code decode
   * signature: …}, {@code verify: …}.
   */
  RUNTIME
}

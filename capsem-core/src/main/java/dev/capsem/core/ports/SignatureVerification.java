package dev.capsem.core.ports;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of verifying one signature: {@link Verified} or {@link Rejected}. Verification
 * reports problems as data, never as exceptions, so callers can list every failed file and then
 * fail once.
 */
public sealed interface SignatureVerification
    permits SignatureVerification.Verified, SignatureVerification.Rejected {

  /** Whether the signature and its trusted comment hold. */
  boolean ok();

  /**
   * The text {@code minisign -V} prints for this outcome: on success its stdout ({@code Signature
   * and comment signature verified\nTrusted comment: …\n}), otherwise the failure message.
   */
  String message();

  /** The failure, when rejected. */
  default Optional<SignatureFailure> failure() {
    return Optional.empty();
  }

  /** Shorthand for a rejection. */
  static Rejected rejected(SignatureFailureKind kind, String message) {
    return new Rejected(new SignatureFailure(kind, message));
  }

  /**
   * The signature and the trusted comment are authentic.
   *
   * @param keyId the key that made the signature
   * @param algorithm prehashed {@code ED} or, when allowed, legacy {@code Ed}
   * @param trustedComment the signed comment, without its {@code trusted comment: } prefix
   * @param untrustedComment the unsigned first line without its prefix (the whole line when it had
   *     none, which only the runtime policy accepts); not authenticated, for display only
   */
  record Verified(
      KeyId keyId, SignatureAlgorithm algorithm, String trustedComment, String untrustedComment)
      implements SignatureVerification {

    public Verified {
      Objects.requireNonNull(keyId, "keyId");
      Objects.requireNonNull(algorithm, "algorithm");
      Objects.requireNonNull(trustedComment, "trustedComment");
      Objects.requireNonNull(untrustedComment, "untrustedComment");
    }

    @Override
    public boolean ok() {
      return true;
    }

    @Override
    public String message() {
      return "Signature and comment signature verified\nTrusted comment: " + trustedComment + "\n";
    }
  }

  /**
   * The signature was refused; nothing about the payload may be trusted.
   *
   * @param reason why
   */
  record Rejected(SignatureFailure reason) implements SignatureVerification {

    public Rejected {
      Objects.requireNonNull(reason, "reason");
    }

    /** The failure kind, for branching. */
    public SignatureFailureKind kind() {
      return reason.kind();
    }

    @Override
    public boolean ok() {
      return false;
    }

    @Override
    public String message() {
      return reason.message();
    }

    @Override
    public Optional<SignatureFailure> failure() {
      return Optional.of(reason);
    }
  }
}

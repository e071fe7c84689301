package dev.capsem.signing;

import dev.capsem.core.ports.SignatureFailure;
import dev.capsem.core.ports.SignatureFailureKind;

/**
 * Carries a {@link SignatureFailure} out of the parsers to the port boundary, where it becomes a
 * {@code Rejected} result or a {@code SigningException}. Never escapes this package.
 */
final class Refusal extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient SignatureFailure failure;

  Refusal(SignatureFailureKind kind, String message) {
    // No stack trace: refusals are expected outcomes (the tamper test makes thousands).
    super(message, null, false, false);
    this.failure = new SignatureFailure(kind, message);
  }

  SignatureFailure failure() {
    return failure;
  }
}

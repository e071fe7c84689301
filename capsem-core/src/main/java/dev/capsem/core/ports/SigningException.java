package dev.capsem.core.ports;

import java.util.Objects;

/**
 * A secret key could not be used: malformed, unsupported, encrypted without a password, or the
 * password is wrong. The input is at fault, not the environment; I/O problems are {@link
 * java.io.IOException}s instead.
 */
public final class SigningException extends Exception {

  private static final long serialVersionUID = 1L;

  private final SignatureFailure failure;

  public SigningException(SignatureFailure failure) {
    super(Objects.requireNonNull(failure, "failure").message());
    this.failure = failure;
  }

  public SigningException(SignatureFailureKind kind, String message) {
    this(new SignatureFailure(kind, message));
  }

  /** Kind and message, e.g. {@code WRONG_PASSWORD} / {@code Wrong password for that key}. */
  public SignatureFailure failure() {
    return failure;
  }

  /** Shorthand for {@code failure().kind()}. */
  public SignatureFailureKind kind() {
    return failure.kind();
  }
}

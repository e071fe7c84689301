package dev.capsem.core.ports;

import java.util.Objects;

/**
 * One refusal: what kind, and the text to show. For verification under {@link
 * VerificationPolicy#MINISIGN_CLI} the message is byte for byte what {@code minisign -V} 0.11
 * prints on stderr, trailing newline included (e.g. {@code "Signature verification failed\n"});
 * under {@link VerificationPolicy#RUNTIME} it is the upstream runtime's text (e.g. {@code "verify:
 * The signature verification failed"}). Secret-key problems carry minisign's text without the
 * newline (e.g. {@code "Wrong password for that key"}), ready for {@code Error: manifest signing
 * failed: <message>}.
 *
 * @param kind the stable failure kind
 * @param message the human-readable text, never blank
 */
public record SignatureFailure(SignatureFailureKind kind, String message) {

  public SignatureFailure {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
    if (message.isBlank()) {
      throw new IllegalArgumentException("a failure message must say something: " + kind);
    }
  }
}

package dev.capsem.core.internal.image.verify;

import dev.capsem.core.diag.Diagnostic;
import java.util.List;

/**
 * An input that stops verification before any report exists (upstream's {@code ClickException}):
 * the message is what follows {@code Error: }, and the diagnostics, if any, say what is wrong
 * inside the offending file.
 */
public final class VerificationInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final List<Diagnostic> diagnostics;

  public VerificationInputException(String message) {
    this(message, List.of());
  }

  public VerificationInputException(String message, List<Diagnostic> diagnostics) {
    super(message);
    this.diagnostics = List.copyOf(diagnostics);
  }

  public VerificationInputException(String message, Throwable cause) {
    super(message, cause);
    this.diagnostics = List.of();
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}

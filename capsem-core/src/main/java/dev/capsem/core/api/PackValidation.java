package dev.capsem.core.api;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.json.ObjectNode;
import java.util.List;

/**
 * The outcome of validating a pack: a {@link Validation} and the one line that says what was valid
 * ({@code valid: policy pack <id>@<version>}, {@code valid: enforcement rules (2 rule(s))}, {@code
 * valid: detection pack <id>@<version>}), or {@code null} when invalid.
 */
public record PackValidation(
    boolean ok, List<Diagnostic> diagnostics, ObjectNode report, String summary) {

  public PackValidation {
    diagnostics = List.copyOf(diagnostics);
  }

  public Validation validation() {
    return new Validation(ok, diagnostics, report);
  }

  public String reportJson() {
    return validation().reportJson();
  }
}

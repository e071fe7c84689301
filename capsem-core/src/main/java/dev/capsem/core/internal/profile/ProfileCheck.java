package dev.capsem.core.internal.profile;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.report.DiagnosticJson;
import java.util.List;

/**
 * The result of reading a profile: the profile when it has no errors, and every diagnostic
 * (warnings included) in upstream's order.
 */
public record ProfileCheck(Profile profile, List<Diagnostic> diagnostics) {

  public ProfileCheck {
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean ok() {
    return DiagnosticJson.noErrors(diagnostics);
  }
}

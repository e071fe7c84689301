package dev.capsem.core.internal.settings;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.report.DiagnosticJson;
import java.util.List;

/**
 * The result of reading service settings: the settings when they have no errors, and every
 * diagnostic (warnings included) in upstream's order.
 */
public record SettingsCheck(ServiceSettings settings, List<Diagnostic> diagnostics) {

  public SettingsCheck {
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean ok() {
    return DiagnosticJson.noErrors(diagnostics);
  }
}

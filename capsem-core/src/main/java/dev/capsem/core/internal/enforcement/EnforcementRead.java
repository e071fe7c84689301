package dev.capsem.core.internal.enforcement;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.report.DiagnosticJson;
import java.util.List;

/**
 * The outcome of reading an enforcement file: the pack when its structure is valid, every
 * structural finding, and the rules whose own structure is valid (all of them when the pack is
 * valid), whose conditions validation checks too, so that one run reports every problem.
 *
 * @param checkable the structurally valid rules, as a pack, or {@code null} when there are none
 */
public record EnforcementRead(
    EnforcementPack pack, List<Diagnostic> diagnostics, EnforcementPack checkable) {

  public EnforcementRead {
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean ok() {
    return pack != null && DiagnosticJson.noErrors(diagnostics);
  }
}

package dev.capsem.core.internal.manifest;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.report.DiagnosticJson;
import java.util.List;

/**
 * A read profile catalog: the catalog and its normalised document when valid, and every finding.
 */
public record CatalogCheck(
    ProfileCatalog catalog, ObjectNode document, List<Diagnostic> diagnostics) {

  public CatalogCheck {
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean ok() {
    return catalog != null && DiagnosticJson.noErrors(diagnostics);
  }
}

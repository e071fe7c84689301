package dev.capsem.core.api;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.json.ObjectNode;
import java.util.List;

/**
 * A workspace lint: the findings (errors first, then by code), upstream's text lines ending in its
 * summary line, and our JSON report ({@code capsem.workspace-validation.v1}).
 */
public record WorkspaceValidation(
    boolean ok, List<Diagnostic> diagnostics, List<String> textLines, ObjectNode report) {

  public WorkspaceValidation {
    diagnostics = List.copyOf(diagnostics);
    textLines = List.copyOf(textLines);
  }

  public String reportJson() {
    return JsonPrinter.pretty().printLine(report);
  }
}

package dev.capsem.core.api;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.json.ObjectNode;
import java.util.List;

/** {@code settings doctor}: the findings, the report, and the six summary lines when valid. */
public record SettingsDiagnosis(
    boolean ok, List<Diagnostic> diagnostics, ObjectNode report, List<String> summary) {

  public SettingsDiagnosis {
    diagnostics = List.copyOf(diagnostics);
    summary = List.copyOf(summary);
  }

  public String reportJson() {
    return JsonPrinter.pretty().printLine(report);
  }
}

package dev.capsem.core.api;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.json.ObjectNode;
import java.util.List;

/**
 * The outcome of a validation: {@code ok} when there is no error (warnings allowed), every
 * diagnostic, and the JSON report in upstream's shape.
 */
public record Validation(boolean ok, List<Diagnostic> diagnostics, ObjectNode report) {

  public Validation {
    diagnostics = List.copyOf(diagnostics);
  }

  /** The report as {@code --json} prints it: indented, with one trailing newline. */
  public String reportJson() {
    return JsonPrinter.pretty().printLine(report);
  }
}

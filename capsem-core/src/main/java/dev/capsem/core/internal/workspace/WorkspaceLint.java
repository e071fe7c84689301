package dev.capsem.core.internal.workspace;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.DiagnosticText;
import dev.capsem.core.internal.report.DiagnosticJson;
import java.util.ArrayList;
import java.util.List;

/**
 * The findings about a guest-config directory, errors first, then by code, and the loaded config
 * when it could be loaded.
 */
public record WorkspaceLint(List<Diagnostic> diagnostics, GuestConfig config) {

  public WorkspaceLint {
    List<Diagnostic> sorted = new ArrayList<>(diagnostics);
    sorted.sort(DiagnosticText.SEVERITY_THEN_CODE);
    diagnostics = List.copyOf(sorted);
  }

  public boolean ok() {
    return DiagnosticJson.noErrors(diagnostics);
  }

  public long errorCount() {
    return diagnostics.stream().filter(Diagnostic::isError).count();
  }

  public long warningCount() {
    return diagnostics.size() - errorCount();
  }

  /** Upstream's closing line: a count, or {@code passed: config is clean}. */
  public String summary() {
    if (errorCount() > 0) {
      return errorCount() + " error(s), " + warningCount() + " warning(s)";
    }
    if (warningCount() > 0) {
      return warningCount() + " warning(s), 0 errors -- passed";
    }
    return "passed: config is clean";
  }

  /** Every diagnostic line, a blank line when there were findings, and the summary. */
  public List<String> textLines() {
    List<String> lines = new ArrayList<>();
    for (Diagnostic d : diagnostics) {
      lines.add(DiagnosticText.human(d));
    }
    if (!diagnostics.isEmpty()) {
      lines.add("");
    }
    lines.add(summary());
    return lines;
  }
}

package dev.capsem.core.api;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.manifest.CheckReport;
import java.util.List;

/**
 * The outcome of {@code manifest check}: a report, or why no check could run.
 *
 * @param report the checks (and the {@code --previous} comparison), or {@code null}
 * @param error why nothing was checked ({@code Error: <error>}), e.g. an invalid catalog
 * @param diagnostics the invalid catalog's findings, and those of the {@code --previous} comparison
 */
public record ManifestCheckResult(CheckReport report, String error, List<Diagnostic> diagnostics) {

  public ManifestCheckResult {
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean ok() {
    return report != null && report.ok();
  }

  /** {@code --json}: upstream's pretty printing, raw UTF-8, one trailing newline. */
  public String reportJson() {
    return JsonPrinter.pretty().printLine(report.toJson());
  }
}

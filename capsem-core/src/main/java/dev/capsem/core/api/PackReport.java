package dev.capsem.core.api;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.json.ObjectNode;
import java.util.List;

/**
 * The outcome of compiling, backtesting or checking a pack.
 *
 * @param ok whether the report is {@code ok} (exit 0)
 * @param diagnostics every finding, coded
 * @param report the JSON report, or {@code null} when the pack could not be loaded and upstream
 *     prints no report ({@link #refusal} then says why)
 * @param refusal {@code invalid enforcement pack <path>} and the like, or {@code null}
 * @param document what the command produces besides its report (the Detection IR), or {@code null}
 */
public record PackReport(
    boolean ok, List<Diagnostic> diagnostics, ObjectNode report, String refusal, String document) {

  public PackReport {
    diagnostics = List.copyOf(diagnostics);
  }

  static PackReport refused(String refusal, List<Diagnostic> diagnostics) {
    return new PackReport(false, diagnostics, null, refusal, null);
  }

  /** A count of the report ({@code event_count}, {@code rule_count}, ...). */
  public long count(String key) {
    return ((dev.capsem.core.internal.json.IntegerNode) report.get(key)).value().longValueExact();
  }

  /** The report as {@code --json} prints it, or {@code null} when there is none. */
  public String reportJson() {
    return report == null ? null : JsonPrinter.pretty().printLine(report);
  }
}

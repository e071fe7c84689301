package dev.capsem.core.api;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.json.ObjectNode;
import java.util.List;

/**
 * The outcome of {@code enforcement test}: one line per case ({@code PASS name} / {@code FAIL name:
 * why}), the report, the JUnit XML for CI dashboards, and every finding (failed cases E222, rules
 * nothing matched W016).
 *
 * @param report the JSON report, or {@code null} when the suite or its pack could not be loaded
 * @param junitXml the JUnit XML, or {@code null} likewise
 * @param refusal why nothing ran, or {@code null}
 */
public record RuleTestOutcome(
    boolean ok,
    List<String> lines,
    List<Diagnostic> diagnostics,
    ObjectNode report,
    String junitXml,
    String refusal) {

  public RuleTestOutcome {
    lines = List.copyOf(lines);
    diagnostics = List.copyOf(diagnostics);
  }

  public String reportJson() {
    return report == null ? null : JsonPrinter.pretty().printLine(report);
  }
}

package dev.capsem.core.diag;

import java.util.List;
import java.util.Objects;

/**
 * A report, its text and its account, with nothing else an embedder would read: what most checks
 * and generators produce.
 *
 * @param json the report as {@code --json} prints it
 * @param text what is printed without {@code --json}
 * @param failures one line per failed check
 * @param summary what was done, for a log
 * @param listsDiagnostics whether {@code text} already lists the diagnostics
 */
public record TextReport(
    String json, String text, List<String> failures, List<String> summary, boolean listsDiagnostics)
    implements Report {

  public TextReport {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(text, "text");
    failures = List.copyOf(failures);
    summary = List.copyOf(summary);
  }

  public TextReport(String json, String text) {
    this(json, text, List.of(), List.of(), false);
  }

  public TextReport(String json, String text, List<String> summary) {
    this(json, text, List.of(), summary, false);
  }

  /** The same report with these failed checks. */
  public TextReport withFailures(List<String> lines) {
    return new TextReport(json, text, lines, summary, listsDiagnostics);
  }

  /** The same report with this account. */
  public TextReport withSummary(List<String> lines) {
    return new TextReport(json, text, failures, lines, listsDiagnostics);
  }

  /** Lines as printed text: each followed by a newline. */
  public static String lines(List<String> lines) {
    StringBuilder text = new StringBuilder();
    for (String line : lines) {
      text.append(line).append('\n');
    }
    return text.toString();
  }
}

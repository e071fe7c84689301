package dev.capsem.core.api;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.json.ObjectNode;
import java.util.List;

/**
 * What an image use case did: on success the JSON report and upstream's human lines; on failure a
 * one-line summary ({@code error}, printed as {@code Error: ...}) and the coded diagnostics.
 * Warnings come with either.
 */
public record ImageOutcome(
    boolean ok,
    String error,
    List<Diagnostic> diagnostics,
    ObjectNode report,
    List<String> humanLines) {

  public ImageOutcome {
    diagnostics = List.copyOf(diagnostics);
    humanLines = List.copyOf(humanLines);
  }

  static ImageOutcome failed(String error, List<Diagnostic> diagnostics) {
    return new ImageOutcome(false, error, diagnostics, null, List.of());
  }

  /** The report as {@code --json} prints it (indented, one trailing newline), or null. */
  public String reportJson() {
    return report == null ? null : JsonPrinter.pretty().printLine(report);
  }
}

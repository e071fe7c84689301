package dev.capsem.core.api;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.image.verify.ImageVerificationReport;
import dev.capsem.core.internal.json.JsonPrinter;
import java.util.List;

/**
 * The outcome of {@code image verify}: the report, or why none could be made ({@code error}, with
 * the diagnostics of the offending file, if any).
 *
 * @param report {@code null} when verification could not start
 * @param error upstream's {@code Error:} text when there is no report, else {@code null}
 */
public record ImageVerification(
    ImageVerificationReport report, String error, List<Diagnostic> diagnostics) {

  public ImageVerification {
    diagnostics = List.copyOf(diagnostics);
  }

  static ImageVerification of(ImageVerificationReport report) {
    return new ImageVerification(report, null, List.of());
  }

  static ImageVerification refused(String error, List<Diagnostic> diagnostics) {
    return new ImageVerification(null, error, diagnostics);
  }

  /** Ok when a report exists and every asset, inventory and probe in it passed. */
  public boolean ok() {
    return report != null && report.ok();
  }

  /** The report as {@code --json} prints it (indented, one trailing newline). */
  public String reportJson() {
    return JsonPrinter.pretty().printLine(report.toJson());
  }
}

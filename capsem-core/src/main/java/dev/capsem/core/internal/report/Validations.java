package dev.capsem.core.internal.report;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.TextReport;
import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.json.ObjectNode;
import java.util.List;

/**
 * The outcome of validating a file, the same for every kind (profile, settings, enforcement,
 * detection): the report, upstream's {@code valid: ...} line when it is valid, and for logs {@code
 * <subject> is valid (N warnings)} or the failure {@code <subject> is invalid}.
 */
public final class Validations {

  private Validations() {}

  /**
   * @param subject what was validated, as a log names it ({@code profile profiles/x.toml})
   * @param validText upstream's line for a valid file ({@code valid: profile}), or null for none
   */
  public static Outcome<TextReport> outcome(
      String subject,
      boolean ok,
      List<Diagnostic> diagnostics,
      ObjectNode report,
      String validText) {
    long warnings = diagnostics.size();
    return Outcome.checked(
        new TextReport(
            JsonPrinter.pretty().printLine(report),
            ok && validText != null ? validText + "\n" : "",
            ok
                ? List.of(
                    subject
                        + " is valid ("
                        + warnings
                        + (warnings == 1 ? " warning" : " warnings")
                        + ")")
                : List.of()),
        ok,
        diagnostics,
        subject + " is invalid");
  }
}

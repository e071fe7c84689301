package dev.capsem.cli;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.DiagnosticText;
import java.io.PrintWriter;
import java.util.List;

/** Standard output and error of one command run; every line ends with {@code \n} on every OS. */
final class Console {

  private final PrintWriter out;
  private final PrintWriter err;

  Console(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  void out(String line) {
    out.print(line);
    out.print('\n');
    out.flush();
  }

  /** Prints text that already ends with its newline(s). */
  void outRaw(String text) {
    out.print(text);
    out.flush();
  }

  /** Prints an outcome's JSON report, streamed when the report streams. */
  void outJson(dev.capsem.core.diag.Outcome<?> outcome) {
    try {
      if (out instanceof StandardOutput standard) {
        out.flush();
        outcome.writeJson(standard.bytes());
      } else {
        outcome.writeJson(out);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    out.flush();
  }

  void err(String line) {
    err.print(line);
    err.print('\n');
    err.flush();
  }

  /** One line per diagnostic, the brief's style, errors first. */
  void diagnostics(List<Diagnostic> diagnostics) {
    for (String line : DiagnosticText.humanLines(diagnostics)) {
      err(line);
    }
  }
}

package dev.capsem.core.diag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The two one-line renderings of a diagnostic that users read. */
public final class DiagnosticText {

  /** Errors first, then by code; otherwise discovery order (the sort is stable). */
  public static final Comparator<Diagnostic> SEVERITY_THEN_CODE =
      Comparator.comparing(Diagnostic::severity).thenComparing(Diagnostic::code);

  private DiagnosticText() {}

  /**
   * The brief's style: {@code error[E001] profiles/corp-dev.profile.toml:3:1: name: Field
   * required}. Missing parts (file, position, empty path) are left out.
   */
  public static String human(Diagnostic d) {
    return d.severity().label() + "[" + d.code() + "] " + location(d) + pathAndMessage(d);
  }

  /** The build-log style: {@code E001 profiles/corp-dev.profile.toml:3:1: name: Field required}. */
  public static String compact(Diagnostic d) {
    return d.code() + " " + location(d) + pathAndMessage(d);
  }

  /** Renders every diagnostic in the human style, errors before warnings, then by code. */
  public static List<String> humanLines(List<Diagnostic> diagnostics) {
    List<Diagnostic> sorted = new ArrayList<>(diagnostics);
    sorted.sort(SEVERITY_THEN_CODE);
    List<String> lines = new ArrayList<>(sorted.size());
    for (Diagnostic d : sorted) {
      lines.add(human(d));
    }
    return lines;
  }

  private static String location(Diagnostic d) {
    StringBuilder out = new StringBuilder();
    if (d.file() != null && !d.file().isEmpty()) {
      out.append(d.file());
      if (d.position() != null) {
        out.append(':').append(d.position().line()).append(':').append(d.position().column());
      }
      out.append(": ");
    } else if (d.position() != null) {
      out.append(d.position().line()).append(':').append(d.position().column()).append(": ");
    }
    return out.toString();
  }

  private static String pathAndMessage(Diagnostic d) {
    return d.path().isEmpty() ? d.message() : d.path() + ": " + d.message();
  }
}

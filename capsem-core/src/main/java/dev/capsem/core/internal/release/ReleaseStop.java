package dev.capsem.core.internal.release;

import dev.capsem.core.diag.Diagnostic;
import java.util.List;

/** Ends a release at a failed step: why, with every finding and failed check. */
final class ReleaseStop extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<Diagnostic> diagnostics;
  private final transient List<String> failures;

  ReleaseStop(String why, List<Diagnostic> diagnostics, List<String> failures) {
    super(why, null, false, false);
    this.diagnostics = List.copyOf(diagnostics);
    this.failures = List.copyOf(failures);
  }

  List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  List<String> failures() {
    return failures;
  }
}

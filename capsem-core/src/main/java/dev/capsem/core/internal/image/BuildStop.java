package dev.capsem.core.internal.image;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import java.util.List;

/** Stops an image build with one or more findings; the builder turns it into its outcome. */
final class BuildStop extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<Diagnostic> diagnostics;

  BuildStop(List<Diagnostic> diagnostics) {
    super(diagnostics.get(0).message(), null, false, false);
    this.diagnostics = List.copyOf(diagnostics);
  }

  BuildStop(Diagnostic diagnostic) {
    this(List.of(diagnostic));
  }

  /** A finding about the build as a whole (no file of the user's to point at). */
  static BuildStop of(Code code, String message) {
    return new BuildStop(error(code, message));
  }

  static Diagnostic error(Code code, String message) {
    return new Diagnostic(code, null, "", null, message);
  }

  List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}

package dev.capsem.core.internal.detection;

import dev.capsem.core.diag.Diagnostic;

/** Why a Sigma compile stopped: the one diagnostic upstream's first error gives. */
final class SigmaFailure extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient Diagnostic diagnostic;

  SigmaFailure(Diagnostic diagnostic) {
    super(diagnostic.message(), null, false, false);
    this.diagnostic = diagnostic;
  }

  Diagnostic diagnostic() {
    return diagnostic;
  }
}

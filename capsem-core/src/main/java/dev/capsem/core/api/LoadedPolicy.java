package dev.capsem.core.api;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.enforcement.PolicyEvaluator;
import java.util.List;

/**
 * An enforcement file loaded for evaluation: the evaluator when every rule is valid and compiles,
 * and every finding otherwise.
 */
public record LoadedPolicy(PolicyEvaluator evaluator, List<Diagnostic> diagnostics) {

  public LoadedPolicy {
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean ok() {
    return evaluator != null;
  }
}

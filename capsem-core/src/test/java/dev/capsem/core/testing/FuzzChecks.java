package dev.capsem.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.SecretShapes;
import java.util.List;

/**
 * What every parser owes any input, checked by the fuzz tests: it returns (an uncaught exception, a
 * hang or an {@code OutOfMemoryError} is a finding), and a refusal is data, at least one coded
 * error, none repeating a secret.
 */
public final class FuzzChecks {

  private FuzzChecks() {}

  /**
   * @param accepted whether the parser produced its value
   */
  public static void outcome(boolean accepted, List<Diagnostic> diagnostics) {
    if (!accepted) {
      assertThat(diagnostics).as("a refusal says why").anyMatch(Diagnostic::isError);
    }
    for (Diagnostic d : diagnostics) {
      assertThat(SecretShapes.find(d.message())).as("no secret in %s", d).isEmpty();
      assertThat(SecretShapes.find(d.path())).as("no secret in %s", d).isEmpty();
    }
  }
}

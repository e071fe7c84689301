package dev.capsem.core.internal.release;

import dev.capsem.core.diag.Diagnostic;
import java.util.List;

/**
 * Before any container work: a release that could not be published is refused (E418, E419 at once);
 * a snapshot is only warned.
 */
final class PublishableStep implements ReleaseStep {

  @Override
  public Stage stage() {
    return Stage.PACKAGE;
  }

  @Override
  public void run(ReleaseRun run) {
    if (run.config.build().dryRun()) {
      return; // a dry run publishes nothing
    }
    List<Diagnostic> problems = PublishRules.problems(run.config);
    if (!problems.isEmpty()) {
      run.stop("release " + run.config.publication().version() + " refused", problems);
    }
    PublishRules.snapshotWarnings(run.config).forEach(run.progress::warning);
  }
}

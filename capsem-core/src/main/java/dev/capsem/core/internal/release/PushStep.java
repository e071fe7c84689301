package dev.capsem.core.internal.release;

import dev.capsem.core.diag.Outcome;
import dev.capsem.core.internal.oci.PushOutcome;
import dev.capsem.core.internal.oci.ReleasePublication;

/**
 * The deploy stage: the release folder pushed as one OCI artifact to the registry the release names
 * ({@code release-push.json}); without a registry target, nothing.
 */
final class PushStep implements ReleaseStep {

  @Override
  public Stage stage() {
    return Stage.DEPLOY;
  }

  @Override
  public void run(ReleaseRun run) {
    String target = run.config.publication().registry();
    if (target == null || run.config.build().dryRun()) {
      run.result("push skipped: the release names no registry");
      return;
    }
    PushOutcome pushed =
        new ReleasePublication(run.tools.registry(), run.tools.hasher(), run.tools.verifier())
            .push(run.layout().publish().path(), target);
    run.conclude(
        "release-push.json",
        Outcome.checked(
            pushed, pushed.ok(), pushed.diagnostics(), "the push to " + target + " failed"));
  }
}

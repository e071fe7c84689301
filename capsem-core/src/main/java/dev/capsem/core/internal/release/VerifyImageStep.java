package dev.capsem.core.internal.release;

import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.internal.profile.ProfileReader;

/** The built image against the release profile: assets, inventories, doctor bundles. */
final class VerifyImageStep implements ReleaseStep {

  @Override
  public Stage stage() {
    return Stage.VERIFY;
  }

  @Override
  public void run(ReleaseRun run) {
    if (run.config.build().dryRun()) {
      run.result("dry run: nothing built, so nothing to verify");
      return;
    }
    GivenPath release = run.releaseProfile();
    run.conclude(
        "image-verify.json",
        run.tools
            .verification()
            .verify(
                ProfileReader.read(run.tools.files(), release),
                release,
                run.layout().assets(),
                run.config.arch(),
                null,
                run.config.doctorBundles(),
                run.config.versionMatch()));
  }
}

package dev.capsem.core.internal.release;

import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.internal.profile.ProfileReader;
import java.util.ArrayList;
import java.util.List;

/**
 * The built image against the release profile: assets, inventories, doctor bundles (those given,
 * and those the boot step left beside the assets).
 */
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
                doctorBundles(run),
                run.config.versionMatch()));
  }

  private static List<GivenPath> doctorBundles(ReleaseRun run) {
    List<GivenPath> bundles = new ArrayList<>(run.config.doctorBundles());
    BootTestStep.bundles(run).stream().filter(b -> !bundles.contains(b)).forEach(bundles::add);
    return bundles;
  }
}

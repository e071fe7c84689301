package dev.capsem.core.internal.release;

/**
 * The profile the release publishes: the source profile whose {@code vm.assets} describe exactly
 * the built assets of the selected architectures ({@code release-profile.json}).
 */
final class ReleaseProfileStep implements ReleaseStep {
  @Override
  public Stage stage() {
    return Stage.PACKAGE;
  }

  @Override
  public void run(ReleaseRun run) {
    if (run.config.build().dryRun()) {
      return;
    }
    run.conclude(
        "release-profile.json",
        ReleaseProfileWriter.write(
            run.profile(),
            run.config.profile(),
            run.layout().assets(),
            run.config.arch(),
            run.config.publication().assetBaseUrl(),
            run.releaseProfile(),
            run.tools.files()));
  }
}

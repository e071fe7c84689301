package dev.capsem.core.internal.release;

/**
 * The profile the release publishes: the source profile whose {@code vm.assets} describe exactly
 * the built assets of the selected architectures ({@code release-profile.json}); for a release
 * published to a registry, by their blob URLs.
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
    ReleaseConfig.Publication publication = run.config.publication();
    if (!publication.toRegistry()) {
      run.conclude(
          "release-profile.json",
          ReleaseProfileWriter.write(
              run.profile(),
              run.config.profile(),
              run.layout().assets(),
              run.config.arch(),
              publication.assetBaseUrl(),
              run.releaseProfile(),
              run.tools.files()));
      return;
    }
    // The profile names each asset's signature blob, so the assets are signed first.
    SignStep.sign(run, ReleaseFiles.assetsSigned(run), null);
    run.conclude(
        "release-profile.json",
        ReleaseProfileWriter.write(
            run.profile(),
            run.config.profile(),
            run.layout().assets(),
            run.config.arch(),
            publication.registry(),
            new BlobUrls(publication.registry()).assets(run.layout().assets().path()),
            run.releaseProfile(),
            run.tools.files()));
  }
}

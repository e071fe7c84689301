package dev.capsem.core.internal.release;

import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.internal.manifest.PayloadUrls;
import java.util.List;
import java.util.Map;

/**
 * The profile catalog over the release profile ({@code manifest-generate.json}); for a release
 * published to a registry, naming the profile's blob.
 */
final class CatalogStep implements ReleaseStep {

  @Override
  public Stage stage() {
    return Stage.PACKAGE;
  }

  @Override
  public void run(ReleaseRun run) {
    if (run.config.build().dryRun()) {
      return;
    }
    GivenPath profiles = run.layout().release().resolve("profiles");
    ReleaseConfig.Publication publication = run.config.publication();
    PayloadUrls payloads = null;
    if (publication.toRegistry()) {
      // The catalog names the release profile's signature blob, so the profile is signed first.
      SignStep.sign(run, List.of(run.releaseProfile()), null);
      payloads = new BlobUrls(publication.registry()).payloads();
    }
    run.conclude(
        "manifest-generate.json",
        run.tools
            .manifests()
            .apply(null)
            .generateCatalog(
                profiles,
                publication.catalogBaseUrl(),
                payloads,
                Map.of(),
                Map.of(),
                run.layout().catalog(),
                true));
  }
}

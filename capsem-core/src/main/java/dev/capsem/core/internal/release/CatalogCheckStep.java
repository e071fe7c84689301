package dev.capsem.core.internal.release;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The signed catalog checked as a client checks it, every file downloaded, hashed and verified,
 * served from the staged release before it is published ({@code manifest-check.json}).
 */
final class CatalogCheckStep implements ReleaseStep {

  @Override
  public Stage stage() {
    return Stage.VERIFY;
  }

  @Override
  public void run(ReleaseRun run) {
    if (run.config.build().dryRun()) {
      return;
    }
    if (!run.config.signing().present()) {
      run.progress.warning(
          "catalog check skipped: the release is not signed, and a client checks every"
              + " signature");
      return;
    }
    ReleaseConfig.Publication publication = run.config.publication();
    Map<String, Path> staged = new LinkedHashMap<>();
    if (publication.assetBaseUrl() != null) {
      staged.put(publication.assetBaseUrl(), run.layout().assets().path());
    }
    if (publication.catalogBaseUrl() != null) {
      staged.put(publication.catalogBaseUrl(), run.releaseProfile().path().getParent());
    }
    run.conclude(
        "manifest-check.json",
        run.tools
            .manifests()
            .apply(new StagingFetcher(staged))
            .check(
                run.layout().catalog(),
                true,
                run.layout().downloads(),
                run.layout().publicKey().path(),
                false,
                null));
  }
}

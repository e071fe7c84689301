package dev.capsem.core.internal.release;

import dev.capsem.core.diag.GivenPath;
import java.util.Map;

/** The profile catalog over the release profile ({@code manifest-generate.json}). */
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
    run.conclude(
        "manifest-generate.json",
        run.tools
            .manifests()
            .apply(null)
            .generateCatalog(
                profiles,
                run.config.publication().catalogBaseUrl(),
                Map.of(),
                Map.of(),
                run.layout().catalog(),
                true));
  }
}

package dev.capsem.core.internal.release;

import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.internal.image.VerifyFlow;

/** One SPDX 2.3 SBOM per architecture of the built image ({@code image-sbom.json}). */
final class SbomStep implements ReleaseStep {

  @Override
  public Stage stage() {
    return Stage.PACKAGE;
  }

  @Override
  public void run(ReleaseRun run) {
    if (run.config.build().dryRun()) {
      return;
    }
    VerifyFlow.Sboms sboms =
        run.conclude(
            "image-sbom.json",
            run.tools
                .verification()
                .sbom(
                    run.profileCheck,
                    run.config.profile(),
                    run.layout().assets(),
                    run.config.arch(),
                    null,
                    run.layout().sbom(),
                    run.tools.clock().instant()));
    for (VerifyFlow.Sbom sbom : sboms.documents()) {
      run.files.add(
          new ReleaseFile(
              new GivenPath(sbom.file(), sbom.shown()), sbom.arch() + "-sbom", "spdx.json", false));
    }
  }
}

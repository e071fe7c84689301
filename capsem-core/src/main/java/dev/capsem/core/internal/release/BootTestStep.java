package dev.capsem.core.internal.release;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.internal.boottest.ImageTestFlow;
import dev.capsem.core.internal.image.ArchSelection;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/**
 * The boot proof (decision D19): every architecture just built is booted and checked from inside
 * before anything is signed ({@code image-test.json}); a failure stops the release with its code.
 * Each arch's doctor bundle stays in the assets folder, where the verify stage reads it.
 *
 * <p>Its stage is PACKAGE, not TEST: Maven's lifecycle runs one stage per goal, and the test phase
 * comes before the package phase that builds the image; in the step list it sits between the build
 * and the signatures.
 */
final class BootTestStep implements ReleaseStep {

  static final String SKIPPED =
      "boot test skipped (--skip-boot-test / -Dcapsem.skipBootTest):"
          + " the image was not booted before signing";

  @Override
  public Stage stage() {
    return Stage.PACKAGE;
  }

  @Override
  public void run(ReleaseRun run) {
    ReleaseConfig config = run.config;
    if (config.build().dryRun()) {
      return;
    }
    if (config.skipBootTest()) {
      skip(run);
      return;
    }
    GivenPath ca = config.sources().caCertificate();
    run.bootTest = "failed";
    run.conclude(
        "image-test.json",
        run.tools
            .imageTests()
            .test(
                run.profileCheck,
                config.profile(),
                run.layout().assets(),
                config.arch(),
                new ImageTestFlow.Options(
                    null,
                    ca != null && run.tools.files().isFile(ca.path()) ? ca : null,
                    !config.build().guestBinaries().omitted(),
                    run.layout().workspace().resolve("boot-test")),
                run.progress));
    run.bootTest = "passed";
  }

  /** W500, recorded in the release report, and no earlier boot's bundle left for verify to read. */
  private static void skip(ReleaseRun run) {
    try {
      for (GivenPath bundle : bundles(run)) {
        Files.deleteIfExists(bundle.path());
      }
    } catch (IOException e) {
      run.stop("cannot remove an earlier doctor bundle: " + e.getMessage(), List.of());
    }
    run.diagnostics.add(new Diagnostic(Code.W500, null, "", null, SKIPPED));
    run.progress.warning(SKIPPED);
    run.results.add(SKIPPED);
    run.bootTest = "skipped";
  }

  /** The doctor bundles this release's boot left, one per selected arch that has one. */
  static List<GivenPath> bundles(ReleaseRun run) {
    return ArchSelection.of(run.config.arch()).stream()
        .map(arch -> run.layout().assets().resolve(arch + "/doctor-bundle.tar"))
        .filter(bundle -> run.tools.files().isFile(bundle.path()))
        .toList();
  }
}

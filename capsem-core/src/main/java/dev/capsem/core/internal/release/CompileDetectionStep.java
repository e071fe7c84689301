package dev.capsem.core.internal.release;

import dev.capsem.core.diag.GivenPath;

/** The detection rules, Sigma to Detection IR ({@code detection-compile.json}). */
final class CompileDetectionStep implements ReleaseStep {

  @Override
  public Stage stage() {
    return Stage.VALIDATE;
  }

  @Override
  public void run(ReleaseRun run) {
    GivenPath pack = run.config.security().detectionPack();
    if (run.present(pack, "detection compilation")) {
      run.conclude(
          "detection-compile.json",
          run.tools.detection().compile(pack, run.layout().detectionIr()));
    }
  }
}

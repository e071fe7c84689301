package dev.capsem.core.internal.release;

import dev.capsem.core.diag.GivenPath;

/** The recorded events through the detection rules, against the expected report if any. */
final class DetectionCheckStep implements ReleaseStep {

  @Override
  public Stage stage() {
    return Stage.TEST;
  }

  @Override
  public void run(ReleaseRun run) {
    ReleaseConfig.Security security = run.config.security();
    GivenPath pack = security.detectionPack();
    GivenPath events = security.events();
    if (run.present(pack, "detection check") && run.present(events, "detection check")) {
      run.conclude(
          "detection-check.json",
          run.tools
              .detection()
              .check(pack, events, BacktestStep.existing(run, security.detectionExpected())));
    }
  }
}

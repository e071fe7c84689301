package dev.capsem.core.internal.release;

import dev.capsem.core.diag.GivenPath;

/** The recorded events through the enforcement rules, against the expected report if any. */
final class BacktestStep implements ReleaseStep {

  @Override
  public Stage stage() {
    return Stage.TEST;
  }

  @Override
  public void run(ReleaseRun run) {
    ReleaseConfig.Security security = run.config.security();
    GivenPath pack = security.enforcementPack();
    GivenPath events = security.events();
    if (run.present(pack, "enforcement backtest") && run.present(events, "enforcement backtest")) {
      run.conclude(
          "enforcement-backtest.json",
          run.tools
              .enforcement()
              .backtest(pack, events, existing(run, security.enforcementExpected())));
    }
  }

  /** An expected report when the file exists, else none (nothing to compare with). */
  static GivenPath existing(ReleaseRun run, GivenPath file) {
    return file != null && run.tools.files().isFile(file.path()) ? file : null;
  }
}

package dev.capsem.core.internal.release;

import dev.capsem.core.diag.GivenPath;

/** The rule tests, each case against its expected decision, with JUnit XML. */
final class EnforcementTestStep implements ReleaseStep {

  @Override
  public Stage stage() {
    return Stage.TEST;
  }

  @Override
  public void run(ReleaseRun run) {
    GivenPath tests = run.config.security().enforcementTests();
    if (run.present(tests, "enforcement tests")) {
      run.conclude(
          "enforcement-test.json", run.tools.enforcement().test(tests, run.layout().junit()));
    }
  }
}

package dev.capsem.core.internal.release;

import dev.capsem.core.diag.GivenPath;

/** The enforcement rules: structure and every CEL condition ({@code enforcement-validate.json}). */
final class ValidateEnforcementStep implements ReleaseStep {

  @Override
  public Stage stage() {
    return Stage.VALIDATE;
  }

  @Override
  public void run(ReleaseRun run) {
    GivenPath pack = run.config.security().enforcementPack();
    if (run.present(pack, "enforcement validation")) {
      run.conclude("enforcement-validate.json", run.tools.enforcement().validate(pack));
    }
  }
}

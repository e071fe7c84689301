package dev.capsem.core.internal.release;

import dev.capsem.core.internal.profile.ProfileReports;

/** The profile, every problem at file:line:column ({@code profile-validate.json}). */
final class ValidateProfileStep implements ReleaseStep {

  @Override
  public Stage stage() {
    return Stage.VALIDATE;
  }

  @Override
  public void run(ReleaseRun run) {
    run.conclude(
        "profile-validate.json", ProfileReports.validated(run.config.profile(), run.profileCheck));
  }
}

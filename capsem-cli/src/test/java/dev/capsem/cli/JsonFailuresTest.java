package dev.capsem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * With {@code --json}, every failure is a {@code capsem.failure.v1} report on standard output,
 * usage errors included; standard error and the exit code stay upstream's.
 */
class JsonFailuresTest {

  @Test
  void missingFile_withJson_isAFailureReportAndStillExitTwo() {
    Admin.Run run = Admin.run("profile", "validate", "no-such.profile.toml", "--json");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stdout())
        .contains("\"schema\": \"capsem.failure.v1\"")
        .contains("\"ok\": false")
        .contains("File 'no-such.profile.toml' does not exist");
    assertThat(run.stderr())
        .startsWith("Invalid value for 'PROFILE_PATH': File 'no-such.profile.toml' does not exist.")
        .contains("Usage: capsem-admin profile validate");
  }

  @Test
  void missingParameter_withJson_isAFailureReport() {
    Admin.Run run = Admin.run("image", "build", "--json");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stdout())
        .contains("\"schema\": \"capsem.failure.v1\"")
        .contains("Missing required parameter");
  }

  @Test
  void usageError_withoutJson_printsNothingOnStandardOutput() {
    Admin.Run run = Admin.run("image", "build");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stdout()).isEmpty();
    assertThat(run.stderr()).contains("Missing required parameter");
  }
}

package dev.capsem.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.internal.json.JsonDialect;
import dev.capsem.core.internal.json.JsonReader;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.testing.Conformance;
import dev.capsem.core.testing.ReportComparison;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code bin/capsem-admin settings|workspace|doctor} against upstream's captured outputs. */
class SettingsAndWorkspaceCommandsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "service-settings-v2-complete",
        "service-settings-v2-defaults",
        "service-settings-v2-minimal",
        "service-settings-v2-invalid-assets",
        "service-settings-v2-invalid-credential",
        "service-settings-v2-invalid-profile-catalog",
        "service-settings-v2-invalid-profile-roots",
        "service-settings-v2-invalid-remote-policy",
        "service-settings-v2-invalid-telemetry",
        "service-settings-v2-invalid-unknown-field"
      })
  void settingsValidateAndDoctor_fixture_printUpstreamReports(String fixture) throws Exception {
    String file = "schemas/fixtures/" + fixture + ".json";
    for (String command : new String[] {"validate", "doctor"}) {
      AdminProcess.Run run =
          AdminProcess.run(Conformance.capsem(), "settings", command, file, "--json");

      ObjectNode report = (ObjectNode) JsonReader.read(run.stdout(), JsonDialect.PYDANTIC);
      String folder = command.equals("validate") ? "settings-validate" : "settings-doctor";
      assertThat(ReportComparison.asUpstream(report))
          .isEqualTo(
              Conformance.text("captured/f1a612a3/" + folder + "/" + fixture + ".report.json"));
      assertThat(Conformance.text("captured/f1a612a3/" + folder + "/exit-codes.txt"))
          .contains(fixture + " exit=" + run.exitCode());
      run.assertNoStackTrace();
    }
  }

  @Test
  void settingsDoctorText_completeFixture_printsPythonStyleSummary() throws Exception {
    AdminProcess.Run run =
        AdminProcess.run(
            Conformance.capsem(),
            "settings",
            "doctor",
            "schemas/fixtures/service-settings-v2-complete.json");

    assertThat(run.exitCode()).isZero();
    assertThat(run.stdout())
        .startsWith("service settings: ok\n")
        .contains("profile catalog configured: True\n")
        .contains("telemetry enabled: True\n");
  }

  @Test
  void settingsInit_homeExample_printsUpstreamDefaults() throws Exception {
    Map<String, String> home = Map.of("HOME", "/home/example", "CAPSEM_HOME", "");
    AdminProcess.Run json = AdminProcess.run(Conformance.capsem(), home, "settings", "init");
    AdminProcess.Run toml =
        AdminProcess.run(Conformance.capsem(), home, "settings", "init", "--format", "toml");

    assertThat(json.stdout())
        .isEqualTo(
            Conformance.text("captured/f1a612a3/settings-init/defaults-home-example.stdout.json"));
    assertThat(toml.stdout())
        .isEqualTo(
            Conformance.text("captured/f1a612a3/settings-init/defaults-home-example.stdout.toml"));
  }

  @Test
  void settingsInit_corpOptions_printsUpstreamDraft() throws Exception {
    String[] options = {
      "settings",
      "init",
      "--default-profile",
      "corp-dev",
      "--base-dir",
      "/opt/capsem/profiles/base",
      "--corp-dir",
      "/opt/capsem/profiles/corp",
      "--user-dir",
      "/var/lib/capsem/profiles/user",
      "--assets-dir",
      "/var/lib/capsem/assets"
    };
    AdminProcess.Run json = AdminProcess.run(Conformance.capsem(), options);
    String[] tomlOptions = java.util.Arrays.copyOf(options, options.length + 2);
    tomlOptions[options.length] = "--format";
    tomlOptions[options.length + 1] = "toml";
    AdminProcess.Run toml = AdminProcess.run(Conformance.capsem(), tomlOptions);

    assertThat(json.stdout())
        .isEqualTo(Conformance.text("captured/f1a612a3/settings-init/corp-dev.stdout.json"));
    assertThat(toml.stdout())
        .isEqualTo(Conformance.text("captured/f1a612a3/settings-init/corp-dev.stdout.toml"));
  }

  @Test
  void settingsInit_invalidDefaultProfile_failsWithPatternDiagnostic() throws Exception {
    AdminProcess.Run run =
        AdminProcess.run(Conformance.capsem(), "settings", "init", "--default-profile", "Bad");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stderr()).contains("default_profile").contains("pattern");
    run.assertNoStackTrace();
  }

  @Test
  void schemas_printWhatUpstreamPrints() throws Exception {
    AdminProcess.Run settings = AdminProcess.run(Conformance.capsem(), "settings", "schema");
    AdminProcess.Run profile = AdminProcess.run(Conformance.capsem(), "profile", "schema");

    assertThat(settings.stdout())
        .isEqualTo(Conformance.text("schemas/capsem.service-settings.v2.schema.json") + "\n");
    // Ours (D2): the rule priority maximum is 1000; every other byte is upstream's.
    assertThat(profile.stdout())
        .isEqualTo(
            Conformance.text("captured/f1a612a3/profile-schema.stdout.json")
                .replace(
                    "\"default\": 1,\n          \"maximum\": 999,",
                    "\"default\": 1,\n          \"maximum\": 1000,"));
    assertThat(profile.stdout()).contains("\"title\": \"ProfilePayloadV2\"");
  }

  @Test
  void workspaceValidate_upstreamGuestConfig_isClean() throws Exception {
    AdminProcess.Run run = AdminProcess.run(Conformance.capsem(), "workspace", "validate", "guest");

    assertThat(run.exitCode()).isZero();
    assertThat(run.stdout()).isEqualTo("passed: config is clean\n");
  }

  @Test
  void workspaceValidate_multiIssueCase_printsCodedLinesAndUpstreamSummary() throws Exception {
    Path cases = Conformance.file("captured/f1a612a3/legacy-validate");

    AdminProcess.Run run = AdminProcess.run(cases, "workspace", "validate", "multi-issue");
    AdminProcess.Run json =
        AdminProcess.run(cases, "workspace", "validate", "multi-issue", "--json");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stdout())
        .contains("error[E006] config/ai/acme.toml:10:")
        .contains("error[E304] config/build.toml:")
        .contains("warn[W014] config/security/web.toml:")
        .endsWith("\n4 error(s), 14 warning(s)\n")
        .doesNotContain("realkey");
    assertThat(json.stdout())
        .contains("\"schema\": \"capsem.workspace-validation.v1\"")
        .contains("\"errors\": 4");
  }

  @Test
  void workspaceValidate_missingDirectory_saysSo(@TempDir Path dir) throws Exception {
    AdminProcess.Run run = AdminProcess.run(dir, "workspace", "validate", "nowhere");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stderr()).isEqualTo("error: directory not found: nowhere\n");
  }

  @Test
  void doctorJson_validFixtureForArm64_plansTheProfile(@TempDir Path repo) throws Exception {
    Path profile = Conformance.file("schemas/fixtures/profile-v2-valid.json");

    AdminProcess.Run run =
        AdminProcess.run(
            repo, "doctor", "--profile", profile.toString(), "--arch", "arm64", "--json");

    assertThat(run.stdout())
        .contains("\"schema\": \"capsem.admin-doctor.v1\"")
        .contains("\"profile_id\": \"everyday-work\"")
        .contains("\"selected_arch\": \"arm64\"")
        .contains(
            "\"package_contract_hash\":"
                + " \"blake3:989beb11479ed437115b7c1ea0223ad26c1f3f744efb9612878cdda077e28ccb\"")
        .doesNotContain("guest-config")
        .doesNotContain("capsem-builder");
    run.assertNoStackTrace();
  }

  @Test
  void doctor_validFixtureAllArches_failsClosedOnMissingAssets(@TempDir Path repo)
      throws Exception {
    Path profile = Conformance.file("schemas/fixtures/profile-v2-valid.json");

    AdminProcess.Run run =
        AdminProcess.run(repo, "doctor", "--profile", profile.toString(), "--json");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stdout())
        .contains("\"ok\": false")
        .contains("missing VM assets for arch 'x86_64'");
    assertThat(Files.exists(repo.resolve("guest"))).isFalse();
  }
}

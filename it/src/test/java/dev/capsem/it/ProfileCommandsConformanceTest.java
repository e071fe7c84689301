package dev.capsem.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.internal.json.JsonDialect;
import dev.capsem.core.internal.json.JsonReader;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.testing.Conformance;
import dev.capsem.core.testing.ReportComparison;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code bin/capsem-admin profile ...} against upstream's captured outputs. */
class ProfileCommandsConformanceTest {

  @ParameterizedTest
  @CsvSource({
    "profile-v2-valid, 0",
    "profile-v2-invalid-asset-hash, 1",
    "profile-v2-invalid-extra-field, 1",
    "profile-v2-invalid-tool-missing-version, 1"
  })
  void profileValidateJson_schemaFixture_printsUpstreamReport(String fixture, int exit)
      throws Exception {
    Path conformance = Conformance.capsem();

    AdminProcess.Run run =
        AdminProcess.run(
            conformance, "profile", "validate", "schemas/fixtures/" + fixture + ".json", "--json");

    ObjectNode report = (ObjectNode) JsonReader.read(run.stdout(), JsonDialect.PYDANTIC);
    assertThat(ReportComparison.asUpstream(report))
        .isEqualTo(
            Conformance.text("captured/f1a612a3/profile-validate/" + fixture + ".report.json"));
    assertThat(run.exitCode()).isEqualTo(exit);
    assertThat(Conformance.text("captured/f1a612a3/profile-validate/exit-codes.txt"))
        .contains(fixture + " exit=" + exit);
  }

  @Test
  void profileValidateText_validFixture_printsValidProfile() throws Exception {
    AdminProcess.Run run =
        AdminProcess.run(
            Conformance.capsem(), "profile", "validate", "schemas/fixtures/profile-v2-valid.json");

    assertThat(run.exitCode()).isZero();
    assertThat(run.stdout()).isEqualTo("valid: profile\n");
  }

  @Test
  void profileValidateText_invalidFixture_printsCodedLineOnStderr() throws Exception {
    AdminProcess.Run run =
        AdminProcess.run(
            Conformance.capsem(),
            "profile",
            "validate",
            "schemas/fixtures/profile-v2-invalid-tool-missing-version.json");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stderr())
        .matches(
            "error\\[E001] schemas/fixtures/profile-v2-invalid-tool-missing-version.json:\\d+:\\d+:"
                + " tools.capsem_doctor.version: Field required\n");
  }

  @ParameterizedTest
  @CsvSource({
    "corp-dev.stdout.json, 'corp-dev --revision 2026.0520.7'",
    "corp-dev.stdout.toml, 'corp-dev --revision 2026.0520.7 --format toml'",
    "everyday-work-type-everyday.stdout.json, 'everyday-work --revision 2026.0520.7 --profile-type everyday-work'",
  })
  void profileInit_upstreamOptions_printsUpstreamDraft(String expected, String arguments)
      throws Exception {
    String[] args = ("profile init " + arguments).split(" ");

    AdminProcess.Run run = AdminProcess.run(Conformance.capsem(), args);

    assertThat(run.exitCode()).isZero();
    assertThat(run.stdout())
        .isEqualTo(Conformance.text("captured/f1a612a3/profile-init/" + expected));
  }

  @Test
  void profileInit_allOptions_printsUpstreamDraft() throws Exception {
    AdminProcess.Run run =
        AdminProcess.run(
            Conformance.capsem(),
            "profile",
            "init",
            "corp-dev2x",
            "--revision",
            "2026.0520.7",
            "--name",
            "Corp Dev",
            "--description",
            "Corp description.",
            "--best-for",
            "Corp work.",
            "--ui",
            "everyday");

    assertThat(run.stdout())
        .isEqualTo(
            Conformance.text("captured/f1a612a3/profile-init/corp-dev2x-all-options.stdout.json"));
  }

  @Test
  void profileInit_outFile_writesTomlThenRefusesToOverwrite(@TempDir Path dir) throws Exception {
    AdminProcess.Run first =
        AdminProcess.run(
            dir,
            "profile",
            "init",
            "corp-dev",
            "--revision",
            "2026.0520.7",
            "--out",
            "corp-dev.profile.toml");
    AdminProcess.Run second =
        AdminProcess.run(
            dir,
            "profile",
            "init",
            "corp-dev",
            "--revision",
            "2026.0520.7",
            "--out",
            "corp-dev.profile.toml");

    assertThat(first.exitCode()).isZero();
    assertThat(first.stdout()).isEqualTo("created corp-dev.profile.toml\n");
    assertThat(Files.readString(dir.resolve("corp-dev.profile.toml")))
        .isEqualTo(Conformance.text("captured/f1a612a3/profile-init/corp-dev.stdout.toml"));
    assertThat(second.exitCode()).isEqualTo(1);
    assertThat(second.stderr())
        .isEqualTo("Error: corp-dev.profile.toml already exists; pass --force to overwrite\n");
  }

  @Test
  void profileInitBuiltins_upstreamGuest_reproducesCommittedProfiles(@TempDir Path dir)
      throws Exception {
    AdminProcess.Run run =
        AdminProcess.run(
            dir,
            "profile",
            "init-builtins",
            "--revision",
            "2026.0520.1",
            "--guest-dir",
            Conformance.capsem().resolve("guest").toString(),
            "--out-dir",
            "base");

    assertThat(run.exitCode()).isZero();
    assertThat(run.stdout()).isEqualTo("created 2 profiles in base\n");
    for (String id : new String[] {"everyday-work", "coding"}) {
      assertThat(Files.readString(dir.resolve("base/" + id + ".profile.toml")))
          .isEqualTo(Conformance.text("config/profiles/base/" + id + ".profile.toml"));
    }
    AdminProcess.Run again =
        AdminProcess.run(
            dir,
            "profile",
            "init-builtins",
            "--revision",
            "2026.0520.1",
            "--guest-dir",
            Conformance.capsem().resolve("guest").toString(),
            "--out-dir",
            "base");
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.stderr()).contains("already exists; pass --force to overwrite");
  }

  @Test
  void profileInit_invalidId_failsWithPatternDiagnostic() throws Exception {
    AdminProcess.Run run = AdminProcess.run(Conformance.capsem(), "profile", "init", "Bad");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stderr()).contains("error[E012]").contains("id").contains("pattern");
    run.assertNoStackTrace();
  }

  @Test
  void profileInit_badChoice_isUsageError() throws Exception {
    AdminProcess.Run run =
        AdminProcess.run(Conformance.capsem(), "profile", "init", "corp-dev", "--ui", "workbench");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr()).contains("--ui").contains("workbench");
  }
}

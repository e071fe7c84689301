package dev.capsem.core.internal.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.internal.json.JsonDialect;
import dev.capsem.core.internal.json.JsonReader;
import dev.capsem.core.internal.toml.TomlReader;
import dev.capsem.core.testing.Conformance;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** {@code profile init}: the drafts upstream prints, byte for byte. */
class ProfileDraftTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 5, 20);

  @Test
  void create_defaultOptions_matchesUpstreamJsonAndToml() {
    Profile draft =
        new ProfileDraft("corp-dev", "2026.0520.7", null, null, null, null, null)
            .create(TODAY)
            .profile();

    assertThat(ProfileWriter.json(draft) + "\n")
        .isEqualTo(Conformance.text("captured/f1a612a3/profile-init/corp-dev.stdout.json"));
    assertThat(ProfileWriter.toml(draft))
        .isEqualTo(Conformance.text("captured/f1a612a3/profile-init/corp-dev.stdout.toml"));
  }

  @Test
  void create_everydayWorkType_defaultsEverydayUi() {
    Profile draft =
        new ProfileDraft("everyday-work", "2026.0520.7", "", "", "", "", "everyday-work")
            .create(TODAY)
            .profile();

    assertThat(ProfileWriter.json(draft) + "\n")
        .isEqualTo(
            Conformance.text(
                "captured/f1a612a3/profile-init/everyday-work-type-everyday.stdout.json"));
  }

  @Test
  void create_allOptions_matchesUpstream() {
    Profile draft =
        new ProfileDraft(
                "corp-dev2x",
                "2026.0520.7",
                "Corp Dev",
                "Corp description.",
                "Corp work.",
                "everyday",
                null)
            .create(TODAY)
            .profile();

    assertThat(ProfileWriter.json(draft) + "\n")
        .isEqualTo(
            Conformance.text("captured/f1a612a3/profile-init/corp-dev2x-all-options.stdout.json"));
  }

  @Test
  void create_noRevision_usesTodayAsFirstRevision() {
    Profile draft =
        new ProfileDraft("corp-dev", null, null, null, null, null, null).create(TODAY).profile();

    assertThat(draft.revision()).isEqualTo("2026.0520.1");
  }

  @Test
  void defaultName_titleCasesLikePython() {
    assertThat(ProfileDraft.defaultName("corp-dev2x")).isEqualTo("Corp Dev2X");
    assertThat(ProfileDraft.defaultName("abc-DEF")).isEqualTo("Abc Def");
  }

  @Test
  void create_invalidId_reportsPatternMismatch() {
    ProfileCheck check =
        new ProfileDraft("Bad", "2026.0520.7", null, null, null, null, null).create(TODAY);

    assertThat(check.ok()).isFalse();
    assertThat(check.diagnostics().get(0).path()).isEqualTo("id");
    assertThat(check.diagnostics().get(0).message()).contains("pattern");
  }

  @Test
  void roundTrip_tomlToJsonToToml_isCanonical() throws Exception {
    Profile draft =
        new ProfileDraft("corp-dev", "2026.0520.9", "Corp Dev", null, null, null, null)
            .create(TODAY)
            .profile();
    String toml = ProfileWriter.toml(draft);

    Profile fromToml = ProfileReader.check(TomlReader.read(toml), "x.toml").profile();
    String json = ProfileWriter.json(fromToml);
    Profile fromJson =
        ProfileReader.check(JsonReader.read(json, JsonDialect.PYDANTIC), "x.json").profile();

    assertThat(ProfileWriter.toml(fromJson)).isEqualTo(toml);
    assertThat(fromJson.vm().assets()).containsOnlyKeys("arm64", "x86_64");
  }

  @Test
  void packageContract_ofDraft_isTheDocumentedCompactJson() {
    Profile draft =
        new ProfileDraft("corp-dev", "2026.0520.9", null, null, null, null, null)
            .create(TODAY)
            .profile();

    assertThat(PackageContractJson.compact(draft))
        .isEqualTo(
            "{\"runtimes\":{\"python\":\"3.12\"},\"python_modules\":{},\"node_packages\":{},"
                + "\"system\":{\"distro\":\"debian\",\"release\":\"bookworm\",\"apt\":{}}}");
  }
}

package dev.capsem.core.internal.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.JsonDialect;
import dev.capsem.core.internal.json.JsonReader;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.json.StringNode;
import dev.capsem.core.testing.Conformance;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code settings init}: the drafts upstream prints, byte for byte. */
class SettingsDraftTest {

  private static final String INIT = "captured/f1a612a3/settings-init/";
  private static final Map<String, String> EXAMPLE_HOME = Map.of("HOME", "/home/example");

  @Test
  void create_defaultsWithHomeOnly_matchesUpstreamJsonAndToml() {
    ServiceSettings draft = SettingsDraft.defaults().create(EXAMPLE_HOME).settings();

    assertThat(SettingsWriter.json(draft) + "\n")
        .isEqualTo(Conformance.text(INIT + "defaults-home-example.stdout.json"));
    assertThat(SettingsWriter.toml(draft))
        .isEqualTo(Conformance.text(INIT + "defaults-home-example.stdout.toml"));
  }

  @Test
  void create_corpDevOptions_matchesUpstreamJsonAndToml() {
    ServiceSettings draft =
        new SettingsDraft(
                "corp-dev",
                List.of("/opt/capsem/profiles/base"),
                List.of("/opt/capsem/profiles/corp"),
                List.of("/var/lib/capsem/profiles/user"),
                "/var/lib/capsem/assets")
            .create(EXAMPLE_HOME)
            .settings();

    assertThat(SettingsWriter.json(draft) + "\n")
        .isEqualTo(Conformance.text(INIT + "corp-dev.stdout.json"));
    assertThat(SettingsWriter.toml(draft))
        .isEqualTo(Conformance.text(INIT + "corp-dev.stdout.toml"));
  }

  @Test
  void create_capsemHomeOfDefaultsFixture_printsThatFixtureByteForByte() throws Exception {
    String fixture = Conformance.text("schemas/fixtures/service-settings-v2-defaults.json");
    ObjectNode parsed = (ObjectNode) JsonReader.read(fixture, JsonDialect.PYDANTIC);
    String userDir =
        ((StringNode) ((ArrayNode) parsed.object("profiles").get("user_dirs")).get(0)).value();
    String capsemHome = userDir.substring(0, userDir.length() - "/profiles".length());

    ServiceSettings draft =
        SettingsDraft.defaults()
            .create(Map.of("CAPSEM_HOME", capsemHome, "HOME", "/home/ignored"))
            .settings();

    assertThat(SettingsWriter.json(draft) + "\n").isEqualTo(fixture);
  }

  @Test
  void create_emptyDirectoryLists_keepDefaults() {
    ServiceSettings draft =
        new SettingsDraft("a", List.of(), List.of(), List.of(), null).create(Map.of()).settings();

    assertThat(draft.profiles().baseDirs())
        .containsExactly("/Library/Application Support/Capsem/profiles/base");
    assertThat(draft.profiles().corpDirs()).isEmpty();
    assertThat(draft.profiles().userDirs()).containsExactly(".capsem/profiles");
    assertThat(draft.profiles().defaultProfile()).isEqualTo("a");
  }

  @Test
  void create_invalidDefaultProfile_reportsPatternAtDefaultProfile() {
    SettingsCheck check = new SettingsDraft("Bad", null, null, null, null).create(EXAMPLE_HOME);

    assertThat(check.ok()).isFalse();
    assertThat(check.settings()).isNull();
    assertThat(check.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.path()).isEqualTo("profiles.default_profile");
              assertThat(d.message())
                  .isEqualTo("String should match pattern '^[a-z0-9][a-z0-9-]*$'");
              assertThat(d.code().name()).isEqualTo("E012");
            });
  }
}

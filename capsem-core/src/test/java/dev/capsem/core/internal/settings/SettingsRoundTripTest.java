package dev.capsem.core.internal.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.internal.json.JsonDialect;
import dev.capsem.core.internal.json.JsonReader;
import dev.capsem.core.internal.toml.TomlReader;
import dev.capsem.core.testing.Conformance;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Writing validated settings back out, as upstream's dump functions do. */
class SettingsRoundTripTest {

  private static final String COMPLETE = "schemas/fixtures/service-settings-v2-complete.json";
  private static final String ROUNDTRIP = "captured/f1a612a3/settings-roundtrip/";

  @Test
  void json_completeFixture_matchesUpstreamDumpWithoutTrailingNewline() {
    ServiceSettings settings = complete();

    assertThat(SettingsWriter.json(settings))
        .isEqualTo(Conformance.text(ROUNDTRIP + "service-settings-v2-complete.json"));
  }

  @Test
  void toml_completeFixture_matchesUpstreamDumpWithArrayOfTables() {
    ServiceSettings settings = complete();

    assertThat(SettingsWriter.toml(settings))
        .isEqualTo(Conformance.text(ROUNDTRIP + "service-settings-v2-complete.toml"));
  }

  @Test
  void roundTrip_tomlToJsonToToml_isCanonical() throws Exception {
    String toml = SettingsWriter.toml(complete());

    ServiceSettings fromToml =
        SettingsReader.check(TomlReader.read(toml), "s.toml", Map.of()).settings();
    String json = SettingsWriter.json(fromToml);
    ServiceSettings fromJson =
        SettingsReader.check(JsonReader.read(json, JsonDialect.PYDANTIC), "s.json", Map.of())
            .settings();

    assertThat(SettingsWriter.toml(fromJson)).isEqualTo(toml);
    assertThat(fromJson.corpDirectives()).hasSize(1);
    assertThat(fromJson.credentials().items()).containsOnlyKeys("openai.api_key");
  }

  @Test
  void read_completeFixture_bindsTypedView() {
    ServiceSettings settings = complete();

    assertThat(settings.app().theme()).isEqualTo("dark");
    assertThat(settings.profiles().allowUserDelete()).isFalse();
    assertThat(settings.telemetry().batchMaxEvents()).isEqualTo(64);
    assertThat(settings.remotePolicy().authToken()).isEqualTo("env:CAPSEM_POLICY_TOKEN");
    assertThat(settings.profileCatalog().configured()).isTrue();
    assertThat(settings.corpDirectives().get(0).operation()).isEqualTo("lock");
    assertThat(SettingsReports.doctorText(settings))
        .containsExactly(
            "service settings: ok",
            "default profile: everyday-work",
            "profile catalog configured: True",
            "telemetry enabled: True",
            "remote policy enabled: True",
            "credential backend: toml");
  }

  private static ServiceSettings complete() {
    SettingsCheck check = SettingsReader.read(Conformance.file(COMPLETE), COMPLETE, Map.of());
    assertThat(check.diagnostics()).isEmpty();
    return check.settings();
  }
}

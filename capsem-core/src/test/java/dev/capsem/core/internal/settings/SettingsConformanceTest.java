package dev.capsem.core.internal.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.testing.Conformance;
import dev.capsem.core.testing.ReportComparison;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Upstream's {@code settings validate --json} and {@code settings doctor --json} reports. */
class SettingsConformanceTest {

  private static final Map<String, String> ENVIRONMENT = Map.of("HOME", "/home/example");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "service-settings-v2-minimal",
        "service-settings-v2-defaults",
        "service-settings-v2-complete",
        "service-settings-v2-invalid-assets",
        "service-settings-v2-invalid-credential",
        "service-settings-v2-invalid-profile-catalog",
        "service-settings-v2-invalid-profile-roots",
        "service-settings-v2-invalid-remote-policy",
        "service-settings-v2-invalid-telemetry",
        "service-settings-v2-invalid-unknown-field"
      })
  void validationAndDoctor_schemaFixture_matchUpstreamReportsAndExitCodes(String fixture) {
    String argument = "schemas/fixtures/" + fixture + ".json";
    SettingsCheck check = SettingsReader.read(Conformance.file(argument), argument, ENVIRONMENT);

    String validation = ReportComparison.asUpstream(SettingsReports.validation(argument, check));
    String doctor = ReportComparison.asUpstream(SettingsReports.doctor(argument, check));

    assertThat(validation)
        .isEqualTo(
            Conformance.text("captured/f1a612a3/settings-validate/" + fixture + ".report.json"));
    assertThat(doctor)
        .isEqualTo(
            Conformance.text("captured/f1a612a3/settings-doctor/" + fixture + ".report.json"));
    String exit = "exit=" + (check.ok() ? 0 : 1);
    assertThat(exit).isEqualTo(expectedExits("settings-validate").get(fixture));
    assertThat(exit).isEqualTo(expectedExits("settings-doctor").get(fixture));
    assertThat(check.settings() == null).isEqualTo(!check.ok());
  }

  private static Map<String, String> expectedExits(String command) {
    return Stream.of(
            Conformance.text("captured/f1a612a3/" + command + "/exit-codes.txt").split("\n"))
        .filter(line -> !line.isBlank())
        .map(line -> line.split(" "))
        .collect(Collectors.toMap(parts -> parts[0], parts -> parts[1]));
  }
}

package dev.capsem.core.internal.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.testing.Conformance;
import dev.capsem.core.testing.ReportComparison;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Upstream's {@code profile validate --json} reports for the four schema fixtures. */
class ProfileValidationConformanceTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "profile-v2-valid",
        "profile-v2-invalid-asset-hash",
        "profile-v2-invalid-extra-field",
        "profile-v2-invalid-tool-missing-version"
      })
  void validate_schemaFixture_matchesUpstreamReportAndExitCode(String fixture) {
    String argument = "schemas/fixtures/" + fixture + ".json";
    ProfileCheck check = ProfileReader.read(Conformance.file(argument), argument);

    String report = ReportComparison.asUpstream(ProfileReports.validation(argument, check));

    assertThat(report)
        .isEqualTo(
            Conformance.text("captured/f1a612a3/profile-validate/" + fixture + ".report.json"));
    int exit = check.ok() ? 0 : 1;
    assertThat("exit=" + exit).isEqualTo(expectedExits().get(fixture));
  }

  private static Map<String, String> expectedExits() {
    return Stream.of(
            Conformance.text("captured/f1a612a3/profile-validate/exit-codes.txt").split("\n"))
        .filter(line -> !line.isBlank())
        .map(line -> line.split(" "))
        .collect(Collectors.toMap(parts -> parts[0], parts -> parts[1]));
  }
}

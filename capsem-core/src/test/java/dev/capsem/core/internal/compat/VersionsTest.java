package dev.capsem.core.internal.compat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The comparison examples of spec §2.1b and §2.3. */
class VersionsTest {

  @ParameterizedTest(name = "atLeast({0}, {1}) = {2}")
  @CsvSource({
    "10.0.0, 9.9.9, true",
    "2026.1001.1, 2026.0630.9, true",
    "1.9.9, 1.10.0, false",
    "1.0, 1.0.0, true",
    "1.0.0-rc1, 1.0.0, true",
    "2026.0510.10, 2026.0510.9, true",
    "2026.0510.9, 2026.0510.10, false",
    "1.0.1776688771, 1.0.0, true",
    "1.0.1776688771, 1.1.0, false",
    "2.0.0, 1.0.1776688771, true",
    "1.0.0, 1.0.1776688771, false",
    "1.0, 1.0.1776688771, false",
    "1.0.1776688771, 1.0.0-rc1, true",
    "1.0.99999999999999999999999, 1.0.99999999999999999999998, true",
    "007, 7, true",
    "7, 007, true",
  })
  void atLeast_specExamples(String actual, String minimum, boolean expected) {
    assertThat(Versions.atLeast(actual, minimum)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"1.0.0", "abc", "''"})
  void atLeast_emptyMinimum_isNoConstraint(String actual) {
    assertThat(Versions.atLeast(actual, "")).isTrue();
  }

  @ParameterizedTest(name = "{0} numeric dotted = {1}")
  @CsvSource({
    "1.0.0, true",
    "2026.0421.30, true",
    "1, true",
    "1..0, false",
    "1.0., false",
    "1.0.0-rc1, false",
    "'', false",
    "v1.0, false"
  })
  void isNumericDotted_partsMustBeDigits(String version, boolean expected) {
    assertThat(Versions.isNumericDotted(version)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"2026.0421.9, 2026.0421.10", "2026.0420.50, 2026.0421.1", "a, b", "1.0, 1.0.1"})
  void compare_ordersNumericallyThenAsText(String older, String newer) {
    assertThat(Versions.compare(older, newer)).isNegative();
    assertThat(Versions.compare(newer, older)).isPositive();
  }
}

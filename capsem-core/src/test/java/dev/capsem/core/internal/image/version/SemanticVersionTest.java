package dev.capsem.core.internal.image.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SemVer 2.0.0 precedence and npm ranges, pair by pair; each agrees with node-semver. */
class SemanticVersionTest {

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource(
      delimiter = ' ',
      value = {
        "1.0.0-beta.2 < 1.0.0-beta.11",
        "1.0.0-alpha < 1.0.0-alpha.1",
        "1.0.0-alpha.1 < 1.0.0-alpha.beta",
        "1.0.0-alpha.beta < 1.0.0-beta",
        "1.0.0-beta < 1.0.0-beta.2",
        "1.0.0-beta.11 < 1.0.0-rc.1",
        "1.0.0-rc.1 < 1.0.0",
        "1.0.0+build.1 = 1.0.0+build.2",
        "1.0.0-alpha+001 = 1.0.0-alpha",
        "1.10.0 > 1.9.0",
        "1.0.0-1 < 1.0.0-a",
        "1.0.0-11 > 1.0.0-2",
        "1.0.0-beta11 < 1.0.0-beta2",
        "2.0.0 > 1.99.99",
        "0.0.1 < 0.1.0",
        "v1.2.3 = 1.2.3",
        "1.0.0-0 < 1.0.0-alpha",
        "1.0.0-Alpha < 1.0.0-alpha",
        "1.0.0-x.7.z.92 > 1.0.0-x.7.z.9",
        "10.0.0 > 9.99.99",
        "1.0.0-rc.1+build.5 < 1.0.0",
        "1.0.0-alpha.1 < 1.0.0-alpha.1.1",
        "0.0.0-0 < 0.0.0",
      })
  void compareTo_knownTrickyPairs_ordersBySemverPrecedence(
      String left, String relation, String right) {
    int order = Integer.signum(SemanticVersion.parse(left).compareTo(SemanticVersion.parse(right)));
    int reverse =
        Integer.signum(SemanticVersion.parse(right).compareTo(SemanticVersion.parse(left)));

    assertThat(order).isEqualTo(DebianVersionTest.sign(relation));
    assertThat(reverse).isEqualTo(-DebianVersionTest.sign(relation));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1.0",
        "=1.2.3",
        "01.0.0",
        "1.0.0-",
        "1.0.0+",
        "1.0.0-alpha..1",
        "1.0.0-01",
        "1.0.0.0",
        "x"
      })
  void parse_invalidVersion_isRefused(String text) {
    assertThatThrownBy(() -> SemanticVersion.parse(text))
        .isInstanceOf(InvalidVersionException.class)
        .hasMessageContaining("SemVer");
  }

  @ParameterizedTest(name = "{1} admits {0}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1.9.0|^1.2.3|true",
        "2.0.0|^1.2.3|false",
        "1.5.0-beta|^1.2.3|false",
        "1.2.3-beta.11|^1.2.3-beta.2|true",
        "1.2.4-beta.1|^1.2.3-beta.2|false",
        "0.2.9|^0.2.3|true",
        "0.3.0|^0.2.3|false",
        "0.0.4|^0.0.3|false",
        "1.99.0|^1|true",
        "0.1.0|^0.0|false",
        "1.0.0-beta.11|>=1.0.0-beta.2|true",
        "2.0.0-beta|<2.0.0|false",
        "1.2.9|~=1.2.3|true",
        "1.3.0|~=1.2.3|false",
        "1.9.0|~=1.2|true",
        "1.0.0|>=1.0.0,<2.0.0|true",
        "1.0.0+build|==1.0.0|true",
        "1.0.1|!=1.0.0|true",
        "latest|>=0.0.0|false",
      })
  void admits_ranges_followNpm(String actual, String range, boolean expected) {
    assertThat(VersionRange.parse(Ecosystem.NODE, range).admits(actual)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {">=1.0", ">=1.0.0 <2.0.0", "~1.2.3", "~=1", "===1.0.0", "^x"})
  void parse_invalidRange_isRefused(String range) {
    assertThatThrownBy(() -> VersionRange.parse(Ecosystem.NODE, range))
        .isInstanceOf(InvalidVersionException.class);
  }
}

package dev.capsem.core.internal.image.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** dpkg's ordering, pair by pair; each expectation agrees with {@code dpkg --compare-versions}. */
class DebianVersionTest {

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource(
      delimiter = ' ',
      value = {
        "1:2.0 > 2.0",
        "1.0~rc1 < 1.0",
        "1.0~~ < 1.0~~a",
        "1.0~~a < 1.0~",
        "1.0~ < 1.0",
        "1.0 < 1.0a",
        "1.0a < 1.0+",
        "1.0 = 1.00",
        "1.001 = 1.1",
        "1.0 = 1.0-0",
        "0:1.0 = 1.0",
        "1.0-1 < 1.0-2",
        "1.0-10 > 1.0-9",
        "1.2.3 < 1.10",
        "1.18.1 > 1.18",
        "0.0 < 0.0.0",
        "9.1-1 > 9.1",
        "1:0.1 > 0:9.9",
        "2:1.0 > 1:99",
        "1.0~beta1~svn1245 < 1.0~beta1",
        "2.39.5-0+deb12u2 > 2.39.5-0+deb12u1",
        "2.39.5-0+deb12u2 < 2.39.5-1",
        "1.0+dfsg1-1 > 1.0-1",
        "12.2.0-14 > 12.2.0-9",
        "7.88.1-10+deb12u5 < 7.88.1-10+deb12u12",
        "3.0.11-1~deb12u2 < 3.0.11-1",
        "1.0-1ubuntu1 > 1.0-1",
        "2.36-9+deb12u10 > 2.36-9+deb12u9",
        "1.2-3-4 > 1.2-3",
      })
  void compareTo_knownTrickyPairs_ordersAsDpkg(String left, String relation, String right) {
    int order = Integer.signum(DebianVersion.parse(left).compareTo(DebianVersion.parse(right)));
    int reverse = Integer.signum(DebianVersion.parse(right).compareTo(DebianVersion.parse(left)));

    assertThat(order).isEqualTo(sign(relation));
    assertThat(reverse).isEqualTo(-sign(relation));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "abc", "1:", "a:1.0", "1.0-", "-1", "1.0_1", "1:1:0", "1.0 2", "é1"})
  void parse_invalidVersion_isRefusedWithReason(String text) {
    assertThatThrownBy(() -> DebianVersion.parse(text))
        .isInstanceOf(InvalidVersionException.class)
        .hasMessageContaining("Debian version");
  }

  @ParameterizedTest(name = "{1} admits {0}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2.0|>=1:2.0|false",
        "1:2.0|>=1:2.0|true",
        "1.0~rc1|<1.0|true",
        "1.0~rc1|>=1.0|false",
        "2.40|^2.39|true",
        "3.0~rc1|^2.39|false",
        "3.0|^2.39|false",
        "2.39.9-1|~=2.39.5|true",
        "2.40.0|~=2.39.5|false",
        "2.40~rc1|~=2.39.5|false",
        "2.39.5-0+deb12u2|~=2.39.5|true",
        "2.39.4|~=2.39.5|false",
        "0.3.1|^0.2.3|false",
        "0.2.9|^0.2.3|true",
        "8.0.0-1|>=8.0.0,<9|true",
        "9.0.0|>=8.0.0,<9|false",
        "1.0|==1.0-0|true",
        "1.0-1|!=1.0-1|false",
        "1:2.39.5-0+deb12u2|^1:2.39|true",
        "2.39.5|^1:2.39|false",
        "not-a-version|>=0|false",
      })
  void admits_ranges_followDpkgOrdering(String actual, String range, boolean expected) {
    assertThat(VersionRange.parse(Ecosystem.APT, range).admits(actual)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {">=", ">=abc", "1.0", ">=1.0 <2.0", "~=2", "~1.2", ">=1.0,", "===1.0"})
  void parse_invalidRange_isRefused(String range) {
    assertThatThrownBy(() -> VersionRange.parse(Ecosystem.APT, range))
        .isInstanceOf(InvalidVersionException.class);
  }

  static int sign(String relation) {
    return switch (relation) {
      case "<" -> -1;
      case ">" -> 1;
      default -> 0;
    };
  }
}

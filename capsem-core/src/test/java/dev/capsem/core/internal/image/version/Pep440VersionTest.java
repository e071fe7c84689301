package dev.capsem.core.internal.image.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** PEP 440 ordering and specifiers, pair by pair; each agrees with {@code packaging}. */
class Pep440VersionTest {

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource(
      delimiter = ' ',
      value = {
        "1.0.post1 > 1.0",
        "1.0.post1 < 1.0.post2",
        "1.0rc1 < 1.0",
        "1.0a1 < 1.0b1",
        "1.0b1 < 1.0rc1",
        "1.0.dev1 < 1.0a1",
        "1.0a1.dev1 < 1.0a1",
        "1.0.post1.dev1 < 1.0.post1",
        "1.0.post1.dev1 > 1.0",
        "1.0 = 1.0.0",
        "1!0.1 > 2.0",
        "1.0+local > 1.0",
        "1.0+abc.5 < 1.0+abc.10",
        "1.0+5 > 1.0+abc",
        "1.0+abc < 1.0+abc.1",
        "1.0-1 = 1.0.post1",
        "1.0alpha1 = 1.0a1",
        "1.0c1 = 1.0rc1",
        "1.0-preview.2 = 1.0rc2",
        "v1.0 = 1.0",
        "1.0a = 1.0a0",
        "1.10 > 1.9",
        "2.32.3 > 2.32.2",
        "1.0.dev0 < 1.0.0a0",
        "1.0_RC_1 = 1.0rc1",
        "1.0.post1 < 1.0.1",
        "1.0rc1.post1 > 1.0rc1",
        "1.0rc1.post1 < 1.0",
        "1.1.dev1 > 1.0.post9",
        "1.0+ABC = 1.0+abc",
      })
  void compareTo_knownTrickyPairs_ordersAsPackaging(String left, String relation, String right) {
    int order = Integer.signum(Pep440Version.parse(left).compareTo(Pep440Version.parse(right)));
    int reverse = Integer.signum(Pep440Version.parse(right).compareTo(Pep440Version.parse(left)));

    assertThat(order).isEqualTo(DebianVersionTest.sign(relation));
    assertThat(reverse).isEqualTo(-DebianVersionTest.sign(relation));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "abc", "1.0-beta-1-x", "1..0", "1.0+", "1.0+a..b", "1.0.postx", "1_0"})
  void parse_invalidVersion_isRefused(String text) {
    assertThatThrownBy(() -> Pep440Version.parse(text))
        .isInstanceOf(InvalidVersionException.class)
        .hasMessageContaining("PEP 440");
  }

  @ParameterizedTest(name = "{1} admits {0}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1.0rc1|<1.0|false",
        "1.0rc1|<1.0rc2|true",
        "0.9|<1.0|true",
        "1.0.post1|>1.0|false",
        "1.0.post2|>1.0.post1|true",
        "1.0+local|>1.0|false",
        "1.1|>1.0|true",
        "1.0+local|<=1.0|true",
        "1.0+local|==1.0|true",
        "1.0|==1.0+local|false",
        "1.0.0|==1.0|true",
        "1.0.0|!=1.0|false",
        "1.0.post1|==1.0.*|true",
        "1.1|==1.0.*|false",
        "2.40|~=2.32|true",
        "3.0|~=2.32|false",
        "2.32.9|~=2.32.3|true",
        "2.33.0|~=2.32.3|false",
        "0.2.9|^0.2.3|true",
        "0.3.0|^0.2.3|false",
        "1.99|^1.2|true",
        "2.0a1|^1.2|false",
        "2.0|>=1.0,<2.0|false",
        "1.5b1|>=1.0,<2.0|true",
        "1.0|===1.0|true",
        "1.0.0|===1.0|false",
        "garbage|>=0|false",
      })
  void admits_specifiers_followPep440(String actual, String range, boolean expected) {
    assertThat(VersionRange.parse(Ecosystem.PYTHON, range).admits(actual)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"~=1", "<=1.0+local", ">=1.0,,<2", "==1.0rc1.*", "^", ">=x", "~1.0"})
  void parse_invalidSpecifier_isRefused(String range) {
    assertThatThrownBy(() -> VersionRange.parse(Ecosystem.PYTHON, range))
        .isInstanceOf(InvalidVersionException.class);
  }
}

package dev.capsem.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capsem.core.testing.ClockContract;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The clock contract against each way {@link StandardPorts#clock} pins a build's clock, and the
 * rules for choosing between them (decision D6).
 */
class StandardPortsClockContractTest {

  private static Map<String, String> sourceDateEpoch(String value) {
    return Map.of("SOURCE_DATE_EPOCH", value);
  }

  @Nested
  class FromSourceDateEpoch extends ClockContract {
    @Override
    protected Clock pinnedAt(long epochSecond) {
      return StandardPorts.clock(sourceDateEpoch(Long.toString(epochSecond)), null);
    }
  }

  @Nested
  class FromOutputTimestampInEpochSeconds extends ClockContract {
    @Override
    protected Clock pinnedAt(long epochSecond) {
      return StandardPorts.clock(Map.of(), Long.toString(epochSecond));
    }
  }

  @Nested
  class FromOutputTimestampInIso8601 extends ClockContract {
    @Override
    protected Clock pinnedAt(long epochSecond) {
      return StandardPorts.clock(Map.of(), Instant.ofEpochSecond(epochSecond).toString());
    }
  }

  @Test
  void clock_isoTimestampWithAnOffset_isThatInstantInUtc() {
    Clock clock = StandardPorts.clock(Map.of(), "2026-01-01T02:00:00+02:00");

    assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
  }

  @Test
  void clock_sourceDateEpochAndATimestamp_sourceDateEpochWins() {
    Clock clock = StandardPorts.clock(sourceDateEpoch("1700000000"), "2026-01-01T00:00:00Z");

    assertThat(clock.instant()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
  }

  @Test
  void clock_blankSourceDateEpoch_leavesItToTheTimestamp() {
    Clock clock = StandardPorts.clock(sourceDateEpoch(""), "1700000000");

    assertThat(clock.instant()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
  }

  @ParameterizedTest
  @ValueSource(strings = {"yesterday", "1.5", "17e8", "2026-01-01T00:00:00Z"})
  void clock_unreadableSourceDateEpoch_isIllegalArgumentNamingTheVariable(String value) {
    assertThatThrownBy(() -> StandardPorts.clock(sourceDateEpoch(value), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SOURCE_DATE_EPOCH")
        .hasMessageContaining(value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"last tuesday", "2026-13-01T00:00:00Z", "2026-01-01T00:00:00", "1.5"})
  void clock_unreadableTimestamp_isIllegalArgumentNamingTheProperty(String value) {
    assertThatThrownBy(() -> StandardPorts.clock(Map.of(), value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("project.build.outputTimestamp")
        .hasMessageContaining(value);
  }

  @Test
  void clock_neitherGiven_isTheSystemClockInTheLocalZone() {
    assertTicksWithTheSystem(StandardPorts.clock(Map.of(), null));
  }

  @Test
  void clock_neitherGiven_inAnotherZone_isTheSystemClockThere() {
    Clock utc = StandardPorts.clock(Map.of(), null).withZone(ZoneOffset.UTC);

    assertThat(utc.getZone()).isEqualTo(ZoneOffset.UTC);
    Instant before = Instant.now();
    assertThat(utc.instant()).isBetween(before, Instant.now());
  }

  @Test
  void clock_unresolvedMavenPlaceholder_isTreatedAsAbsent() {
    assertTicksWithTheSystem(StandardPorts.clock(Map.of(), "${project.build.outputTimestamp}"));
  }

  private static void assertTicksWithTheSystem(Clock clock) {
    Instant before = Instant.now();
    Instant read = clock.instant();
    Instant after = Instant.now();

    assertThat(read).isBetween(before, after);
    assertThat(clock.getZone()).isEqualTo(ZoneId.systemDefault());
  }
}

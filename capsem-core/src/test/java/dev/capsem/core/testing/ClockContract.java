package dev.capsem.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the domain relies on from the {@link Clock} of a reproducible build (decision D6): pinned to
 * one instant, read the same way every time, in UTC, so that SBOM dates, signature timestamps and
 * draft dates do not depend on when or where the build ran. Run against the fake ({@code
 * Clock.fixed}) and against each way the real adapter pins a clock ({@code SOURCE_DATE_EPOCH}, a
 * Maven {@code project.build.outputTimestamp}).
 */
public abstract class ClockContract {

  /** The clock the implementation under test gives for a build pinned at {@code epochSecond}. */
  protected abstract Clock pinnedAt(long epochSecond);

  @ParameterizedTest(name = "epoch second {0}")
  @ValueSource(longs = {0L, 1_700_000_000L, 1_767_225_599L, 4_102_444_800L})
  void instant_pinned_isThatSecondOnEveryRead(long epochSecond) {
    Clock clock = pinnedAt(epochSecond);

    assertThat(clock.instant()).isEqualTo(Instant.ofEpochSecond(epochSecond));
    assertThat(clock.instant()).isEqualTo(Instant.ofEpochSecond(epochSecond));
    assertThat(clock.millis()).isEqualTo(epochSecond * 1000);
  }

  @ParameterizedTest(name = "epoch second {0}")
  @ValueSource(longs = {0L, 1_700_000_000L})
  void zone_pinned_isUtc(long epochSecond) {
    assertThat(pinnedAt(epochSecond).getZone().normalized()).isEqualTo(ZoneOffset.UTC);
  }

  @ParameterizedTest(name = "epoch second {0}")
  // The last second of 2025 and the first of 2026 in UTC: elsewhere one of them is another day.
  @ValueSource(longs = {1_767_225_599L, 1_767_225_600L})
  void localDate_pinnedAroundMidnightUtc_isTheUtcDate(long epochSecond) {
    LocalDate expected =
        OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC).toLocalDate();

    assertThat(LocalDate.now(pinnedAt(epochSecond))).isEqualTo(expected);
  }
}

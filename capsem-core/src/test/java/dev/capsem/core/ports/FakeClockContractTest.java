package dev.capsem.core.ports;

import dev.capsem.core.testing.ClockContract;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** {@code Clock.fixed}, the clock of core tests, keeps the contract of a pinned build clock. */
class FakeClockContractTest extends ClockContract {

  @Override
  protected Clock pinnedAt(long epochSecond) {
    return Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
  }
}

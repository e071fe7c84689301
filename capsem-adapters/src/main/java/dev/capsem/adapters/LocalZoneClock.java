package dev.capsem.adapters;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The system clock in the local zone, the zone found only when something asks for it: finding it
 * reads the time-zone database, 20 to 60 ms that every command paid at start-up while only dated
 * drafts need the local date. {@link #withZone} gives the system clock in that other zone.
 */
final class LocalZoneClock extends Clock {

  private volatile ZoneId zone;

  @Override
  public ZoneId getZone() {
    ZoneId found = zone;
    if (found == null) {
      found = ZoneId.systemDefault();
      zone = found;
    }
    return found;
  }

  @Override
  public Clock withZone(ZoneId other) {
    return Clock.system(other);
  }

  @Override
  public Instant instant() {
    return Instant.now();
  }

  @Override
  public long millis() {
    return System.currentTimeMillis();
  }

  @Override
  public String toString() {
    return "LocalZoneClock[" + getZone() + "]";
  }
}

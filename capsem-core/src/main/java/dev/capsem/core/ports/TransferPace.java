package dev.capsem.core.ports;

import java.time.Duration;
import java.util.Objects;

/**
 * How slowly a response body may arrive before the transfer is given up: never a cap on the total
 * time, which would fail a large download over a steady but ordinary link, but an idle timeout (no
 * byte for {@code idleTimeout}) and a minimum rate ({@code minimumBytesPerSecond} on average over
 * every {@code rateWindow}), so that neither a stalled nor a trickling server holds a check
 * forever.
 *
 * @param idleTimeout the longest wait for the next byte
 * @param minimumBytesPerSecond the slowest average accepted over a window; 0 for none
 * @param rateWindow the span the average is taken over, once that much of the body has been awaited
 */
public record TransferPace(Duration idleTimeout, long minimumBytesPerSecond, Duration rateWindow) {

  /**
   * For downloads: no byte for 30 s, or less than 8 KiB/s (64 kbit/s) on average over a minute,
   * gives up; a 450 MB file at 150 kB/s (50 minutes) passes.
   */
  public static final TransferPace DOWNLOADS =
      new TransferPace(Duration.ofSeconds(30), 8 * 1024, Duration.ofSeconds(60));

  public TransferPace {
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    Objects.requireNonNull(rateWindow, "rateWindow");
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("idleTimeout must be positive: " + idleTimeout);
    }
    if (minimumBytesPerSecond < 0) {
      throw new IllegalArgumentException(
          "minimumBytesPerSecond must not be negative: " + minimumBytesPerSecond);
    }
    if (rateWindow.isNegative() || rateWindow.isZero()) {
      throw new IllegalArgumentException("rateWindow must be positive: " + rateWindow);
    }
  }

  /** Only an idle timeout. */
  public static TransferPace idle(Duration idleTimeout) {
    return new TransferPace(idleTimeout, 0, idleTimeout);
  }

  /**
   * Why a body with this progress must be given up, or null while it may go on.
   *
   * @param sinceLastByte how long since the last byte (or since the head, before the first byte)
   * @param sinceStart how long since the head arrived
   * @param bytesInWindow bytes received during the last {@link #rateWindow}
   */
  public String violation(Duration sinceLastByte, Duration sinceStart, long bytesInWindow) {
    if (sinceLastByte.compareTo(idleTimeout) > 0) {
      return "no data for " + idleTimeout.toMillis() + " ms";
    }
    if (minimumBytesPerSecond > 0
        && sinceStart.compareTo(rateWindow) >= 0
        && (double) bytesInWindow * 1000 < (double) minimumBytesPerSecond * rateWindow.toMillis()) {
      return "slower than "
          + minimumBytesPerSecond
          + " bytes/s over "
          + rateWindow.toSeconds()
          + " s ("
          + bytesInWindow
          + " bytes)";
    }
    return null;
  }
}

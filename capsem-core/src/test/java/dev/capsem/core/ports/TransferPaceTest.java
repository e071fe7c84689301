package dev.capsem.core.ports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.internal.manifest.CheckOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, finding 4: the download pace of {@code manifest check} lets a steady body take as long
 * as it needs and stops a stalled or trickling one. Each case walks a simulated transfer second by
 * second through {@link TransferPace#violation}.
 */
class TransferPaceTest {

  private static final TransferPace PACE = CheckOptions.DOWNLOAD_PACE;

  /** The first second at which a body arriving at {@code bytesPerSecond} is given up, or -1. */
  private static long firstViolation(long bytesPerSecond, long totalBytes, long stallAfterBytes) {
    long received = 0;
    long lastByte = 0;
    long[] perSecond = new long[100_000];
    for (int t = 1; received < totalBytes; t++) {
      long now = received < stallAfterBytes ? Math.min(bytesPerSecond, totalBytes - received) : 0;
      received += now;
      perSecond[t] = now;
      if (now > 0) {
        lastByte = t;
      }
      long window = 0;
      for (int s = Math.max(1, t - (int) PACE.rateWindow().toSeconds() + 1); s <= t; s++) {
        window += perSecond[s];
      }
      if (PACE.violation(Duration.ofSeconds(t - lastByte), Duration.ofSeconds(t), window) != null) {
        return t;
      }
    }
    return -1;
  }

  @Test
  void downloadPace_6MbAt150kBps_passesThoughItTakesFortySeconds() {
    // Upstream's (and our earlier) 30 s total cap failed this one.
    assertThat(firstViolation(150_000, 6_000_000, Long.MAX_VALUE)).isEqualTo(-1);
  }

  @Test
  void downloadPace_450MbRootfsAt150kBps_passes() {
    assertThat(firstViolation(150_000, 450_000_000, Long.MAX_VALUE)).isEqualTo(-1);
  }

  @Test
  void downloadPace_serverStallingMidBody_isGivenUpAfterTheIdleTimeout() {
    assertThat(firstViolation(150_000, 6_000_000, 1_000_000)).isEqualTo(7 + 31);
  }

  @Test
  void downloadPace_serverTricklingAKilobyteASecond_isGivenUpAfterTheWindow() {
    assertThat(firstViolation(1_000, 6_000_000, Long.MAX_VALUE)).isEqualTo(60);
  }
}

package dev.capsem.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A running step never stays silent for a whole heartbeat, wherever the timer's ticks fall. */
class ProgressLogTest {

  private static final long SECOND = 1_000_000_000L;

  private final AtomicLong now = new AtomicLong();
  private final List<String> printed = new ArrayList<>();
  private final List<Long> printedAt = new ArrayList<>();

  private ProgressLog log() {
    // A heartbeat of 30 s on a clock the test moves: the real timer never fires during the test.
    return new ProgressLog(
        line -> {
          printed.add(line);
          printedAt.add(now.get());
        },
        false,
        Duration.ofSeconds(30),
        now::get);
  }

  @Test
  void tick_stepStartedJustBeforeATick_saysItIsAliveWithinTheHeartbeat() {
    try (ProgressLog log = log()) {
      now.set(29 * SECOND); // the step begins one second before the timer's first tick at 30 s
      log.begin("x86_64 kernel");
      log.output("CC kernel/irq/irqdomain.o");

      for (long t = 30; t <= 120; t += 5) {
        now.set(t * SECOND);
        log.tick();
      }

      assertThat(printed).hasSizeGreaterThanOrEqualTo(4);
      assertThat(printed.get(1))
          .startsWith("  ... x86_64 kernel: running for ")
          .endsWith("; last output: CC kernel/irq/irqdomain.o");
      for (int i = 1; i < printedAt.size(); i++) {
        assertThat(printedAt.get(i) - printedAt.get(i - 1)).isLessThanOrEqualTo(30 * SECOND);
      }
    }
  }

  @Test
  void tick_noStepRunning_printsNothing() {
    try (ProgressLog log = log()) {
      for (long t = 5; t <= 120; t += 5) {
        now.set(t * SECOND);
        log.tick();
      }

      assertThat(printed).isEmpty();
    }
  }

  @Test
  void tick_aLinePrintedRecently_waitsForTheSilenceToLast() {
    try (ProgressLog log = log()) {
      log.begin("x86_64 rootfs");
      now.set(20 * SECOND);
      log.note("probing tool versions");

      now.set(40 * SECOND);
      log.tick();
      now.set(45 * SECOND);
      log.tick();

      assertThat(printed).hasSize(3);
      assertThat(printedAt.get(2)).isEqualTo(45 * SECOND);
    }
  }

  @Test
  void tick_stepsSideBySide_eachSaysItIsAliveWithItsOwnLastOutput() throws Exception {
    try (ProgressLog log = log()) {
      log.plan(3);
      Thread compiler = new Thread(() -> log.begin("x86_64 kernel"));
      compiler.start();
      compiler.join();
      log.begin("x86_64 initrd").close();
      log.begin("x86_64 rootfs");
      log.output("x86_64 kernel", "CC fs/inode.o");
      log.output("x86_64 rootfs", "Unpacking jq (1.6-2.1) ...");

      now.set(30 * SECOND);
      log.tick();

      assertThat(printed.subList(printed.size() - 2, printed.size()))
          .containsExactly(
              "  ... x86_64 kernel (step 1/3): running for 30.0s; last output: CC fs/inode.o",
              "  ... x86_64 rootfs (step 3/3): running for 30.0s; last output: Unpacking jq"
                  + " (1.6-2.1) ...");
    }
  }

  @Test
  void tick_afterANestedStepEnds_showsTheStepAroundItAgain() {
    try (ProgressLog log = log()) {
      log.begin("x86_64 kernel");
      log.begin("download https://example.com/linux.tar.xz").close();
      log.output("CC kernel/fork.o");

      now.set(30 * SECOND);
      log.tick();

      assertThat(printed.get(printed.size() - 1))
          .isEqualTo("  ... x86_64 kernel: running for 30.0s; last output: CC kernel/fork.o");
    }
  }
}

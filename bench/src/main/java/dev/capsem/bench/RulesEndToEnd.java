package dev.capsem.bench;

import dev.capsem.core.api.Capsem;
import dev.capsem.core.api.Ports;
import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.TextReport;
import dev.capsem.core.ports.Host;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code enforcement backtest} end to end in one JVM: the JSONL corpus read, every event evaluated
 * by the pack, the whole report written to a file, {@code runs} times (the first warms the JIT).
 * Prints one line per run: seconds, events per second; then the heap's peak (all pools) and the old
 * generation's peak, what the run kept alive beyond short-lived garbage.
 *
 * <p>{@code RulesEndToEnd write DIR EVENTS} writes the 50-rule pack and a corpus of EVENTS lines.
 */
public final class RulesEndToEnd {

  private RulesEndToEnd() {}

  public static void main(String[] args) throws IOException {
    if (args[0].equals("write")) {
      Path dir = Path.of(args[1]);
      Files.writeString(
          dir.resolve("pack.json"), PackJson.of(SyntheticCorpus.pack()), StandardCharsets.UTF_8);
      try (Writer out =
          new BufferedWriter(
              Files.newBufferedWriter(
                  dir.resolve("events-" + args[2] + ".jsonl"), StandardCharsets.UTF_8),
              1 << 20)) {
        SyntheticCorpus.writeJsonl(Integer.parseInt(args[2]), out);
      }
      return;
    }
    Path pack = Path.of(args[0]);
    Path corpus = Path.of(args[1]);
    Path report = Path.of(args[2]);
    int runs = Integer.parseInt(args[3]);
    Capsem capsem =
        Capsem.with(
            new Ports(
                new NoHasher(),
                (command, timeout) -> Optional.empty(),
                new Host("linux", Map.of()),
                Clock.systemUTC()));
    for (int run = 1; run <= runs; run++) {
      long start = System.nanoTime();
      Outcome<TextReport> outcome =
          capsem
              .enforcement()
              .backtest(GivenPath.of(pack.toString()), GivenPath.of(corpus.toString()), null);
      // As the command line writes it: the report's UTF-8 bytes.
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(report), 1 << 16)) {
        outcome.writeJson(out);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      if (!outcome.ok()) {
        throw new IllegalStateException(outcome.diagnostics().toString());
      }
      long events = eventCount(report);
      System.out.printf(Locale.ROOT, "run %d %.3f %.0f%n", run, seconds, events / seconds);
    }
    long heap = 0;
    long old = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        heap += pool.getPeakUsage().getUsed();
        if (pool.getName().contains("Old") || pool.getName().contains("Tenured")) {
          old += pool.getPeakUsage().getUsed();
        }
      }
    }
    System.out.printf(Locale.ROOT, "heap %d %d%n", heap >> 20, old >> 20);
  }

  // The report's own count, so that a run that read nothing cannot look fast.
  private static long eventCount(Path report) throws IOException {
    try (java.util.stream.Stream<String> lines = Files.lines(report)) {
      return lines
          .filter(line -> line.startsWith("  \"event_count\": "))
          .findFirst()
          .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
          .orElseThrow();
    }
  }
}

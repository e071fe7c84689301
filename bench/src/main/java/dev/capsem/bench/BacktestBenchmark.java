package dev.capsem.bench;

import dev.capsem.core.api.Capsem;
import dev.capsem.core.api.Ports;
import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.TextReport;
import dev.capsem.core.internal.enforcement.Backtest;
import dev.capsem.core.internal.enforcement.ConditionCompiler;
import dev.capsem.core.internal.enforcement.EnforcementEngine;
import dev.capsem.core.internal.enforcement.PackCompilation;
import dev.capsem.core.internal.policycontext.PolicyContextFixture;
import dev.capsem.core.ports.Host;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Backtest throughput of a 50-rule pack (score = events per second).
 *
 * <ul>
 *   <li>{@code evaluate}: 1 M events (100 k distinct contexts, repeated) through {@link
 *       Backtest#rows}, the engine every backtest and the embedding API use: family gate, rules by
 *       priority, first match, matched fields of each row.
 *   <li>{@code endToEnd}: {@code enforcement backtest} on a 100 k-line JSONL file: reading and
 *       validating every line, evaluating, and building the report.
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
public class BacktestBenchmark {

  static final int EVENTS = 1_000_000;
  static final int DISTINCT = 100_000;
  static final int LINES = 100_000;

  /** The compiled pack and the in-memory corpus. */
  @State(Scope.Benchmark)
  public static class Engine {
    EnforcementEngine engine;
    List<PolicyContextFixture> events;

    @Setup(Level.Trial)
    public void setUp() {
      engine = PackCompilation.compile(SyntheticCorpus.pack(), new ConditionCompiler()).engine();
      events = SyntheticCorpus.events(DISTINCT, EVENTS);
    }
  }

  /** The pack and the corpus as files, for the whole use case. */
  @State(Scope.Benchmark)
  public static class Files_ {
    Path dir;
    Path pack;
    Path corpus;
    Capsem capsem;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
      dir = Files.createTempDirectory("capsem-bench");
      pack = dir.resolve("pack.json");
      Files.writeString(pack, PackJson.of(SyntheticCorpus.pack()), StandardCharsets.UTF_8);
      corpus = dir.resolve("events.jsonl");
      Files.writeString(corpus, SyntheticCorpus.jsonl(LINES), StandardCharsets.UTF_8);
      capsem =
          Capsem.with(
              new Ports(
                  new NoHasher(),
                  (command, timeout) -> Optional.empty(),
                  new Host("linux", Map.of()),
                  Clock.systemUTC()));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
      Files.deleteIfExists(pack);
      Files.deleteIfExists(corpus);
      Files.deleteIfExists(dir);
    }
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public List<Backtest.Row> evaluate(Engine state) {
    return Backtest.rows(state.engine, state.events);
  }

  @Benchmark
  @OperationsPerInvocation(LINES)
  public String endToEnd(Files_ state) {
    Outcome<TextReport> report =
        state
            .capsem
            .enforcement()
            .backtest(
                GivenPath.of(state.pack.toString()), GivenPath.of(state.corpus.toString()), null);
    if (!report.ok()) {
      throw new IllegalStateException(report.diagnostics().toString());
    }
    return report.json();
  }
}

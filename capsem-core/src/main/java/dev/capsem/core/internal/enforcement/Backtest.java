package dev.capsem.core.internal.enforcement;

import dev.capsem.core.internal.policycontext.PolicyContextFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Replays events against a compiled pack (spec §3.2): for each event in file order, the first
 * matching enabled rule by {@code (priority, id)} makes one row; events no rule matches make none.
 * Large corpora are split across the available cores; rows keep the events' order.
 */
public final class Backtest {

  /** One match: the event, the rule that matched first, and the fields it matched on. */
  public record Row(
      PolicyContextFixture fixture, EnforcementRule rule, Map<String, Object> fields) {}

  private static final int CHUNK = 8192;

  private Backtest() {}

  /** The rows for {@code fixtures}, in their order. */
  public static List<Row> rows(EnforcementEngine engine, List<PolicyContextFixture> fixtures) {
    int chunks = (fixtures.size() + CHUNK - 1) / CHUNK;
    if (chunks <= 1) {
      return chunk(engine, fixtures, 0, fixtures.size());
    }
    @SuppressWarnings("unchecked")
    List<Row>[] parts = new List[chunks];
    IntStream.range(0, chunks)
        .parallel()
        .forEach(
            c ->
                parts[c] =
                    chunk(engine, fixtures, c * CHUNK, Math.min(fixtures.size(), (c + 1) * CHUNK)));
    List<Row> rows = new ArrayList<>();
    for (List<Row> part : parts) {
      rows.addAll(part);
    }
    return rows;
  }

  /**
   * How many events {@code engine} matches, without building rows (for throughput measurements).
   */
  public static long countMatches(EnforcementEngine engine, List<PolicyContextFixture> fixtures) {
    return IntStream.range(0, fixtures.size())
        .parallel()
        .filter(i -> engine.firstMatch(fixtures.get(i).context()) != null)
        .count();
  }

  private static List<Row> chunk(
      EnforcementEngine engine, List<PolicyContextFixture> fixtures, int from, int to) {
    List<Row> rows = new ArrayList<>();
    for (int i = from; i < to; i++) {
      PolicyContextFixture fixture = fixtures.get(i);
      EnforcementEngine.Entry match = engine.firstMatch(fixture.context());
      if (match != null) {
        rows.add(
            new Row(fixture, match.rule(), match.condition().matchedFields(fixture.context())));
      }
    }
    return rows;
  }
}

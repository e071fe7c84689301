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

  /**
   * The rows, and for each rule that exceeded its CEL evaluation budget on some event, how many
   * events (rule id to count, in rule id order). Such an event counts as no match for that rule, as
   * upstream's backtest has it; the report says so rather than keep it silent.
   */
  public record Result(List<Row> rows, Map<String, Integer> budgetExceeded) {
    public Result {
      rows = List.copyOf(rows);
      budgetExceeded =
          java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(budgetExceeded));
    }

    /** How many (rule, event) pairs exceeded the budget. */
    public int budgetExceededCount() {
      return budgetExceeded.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  private static final int CHUNK = 8192;

  private Backtest() {}

  /** The rows for {@code fixtures}, in their order. */
  public static List<Row> rows(EnforcementEngine engine, List<PolicyContextFixture> fixtures) {
    return run(engine, fixtures).rows();
  }

  /** The rows for {@code fixtures}, in their order, and the rules that exceeded their budget. */
  public static Result run(EnforcementEngine engine, List<PolicyContextFixture> fixtures) {
    Map<String, Integer> budget = new java.util.concurrent.ConcurrentHashMap<>();
    List<Row> rows = rows(engine, fixtures, budget);
    return new Result(rows, budget);
  }

  private static List<Row> rows(
      EnforcementEngine engine, List<PolicyContextFixture> fixtures, Map<String, Integer> budget) {
    int chunks = (fixtures.size() + CHUNK - 1) / CHUNK;
    if (chunks <= 1) {
      return chunk(engine, fixtures, 0, fixtures.size(), budget);
    }
    @SuppressWarnings("unchecked")
    List<Row>[] parts = new List[chunks];
    IntStream.range(0, chunks)
        .parallel()
        .forEach(
            c ->
                parts[c] =
                    chunk(
                        engine,
                        fixtures,
                        c * CHUNK,
                        Math.min(fixtures.size(), (c + 1) * CHUNK),
                        budget));
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
      EnforcementEngine engine,
      List<PolicyContextFixture> fixtures,
      int from,
      int to,
      Map<String, Integer> budget) {
    List<Row> rows = new ArrayList<>();
    for (int i = from; i < to; i++) {
      PolicyContextFixture fixture = fixtures.get(i);
      EnforcementEngine.Entry match =
          engine.firstMatch(
              fixture.context(),
              failed -> {
                if (failed.condition().exceedsBudget(fixture.context())) {
                  budget.merge(failed.rule().id(), 1, Integer::sum);
                }
              });
      if (match != null) {
        rows.add(
            new Row(fixture, match.rule(), match.condition().matchedFields(fixture.context())));
      }
    }
    return rows;
  }
}

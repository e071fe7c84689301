package dev.capsem.core.internal.enforcement;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.BooleanNode;
import dev.capsem.core.internal.json.FloatNode;
import dev.capsem.core.internal.json.IntegerNode;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.NullNode;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.json.StringNode;
import dev.capsem.core.internal.report.DiagnosticJson;
import dev.capsem.core.internal.report.PythonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Upstream's report shapes for enforcement: {@code capsem.security-pack-validation.v1}, {@code
 * capsem.policy-compile.v1} and {@code capsem.policy-backtest.v1}. Reports whose upstream
 * diagnostics are plain strings keep the strings byte for byte and add the coded form in a parallel
 * {@code diagnostic_details} array right after them, present only when there are diagnostics (Open
 * point 4 of the diagnostics spec), so a clean report is exactly upstream's.
 */
public final class EnforcementReports {

  public static final String VALIDATION_SCHEMA = "capsem.security-pack-validation.v1";
  public static final String COMPILE_SCHEMA = "capsem.policy-compile.v1";
  public static final String BACKTEST_SCHEMA = "capsem.policy-backtest.v1";

  private EnforcementReports() {}

  /**
   * {@code {schema, ok, path, diagnostics, pack_id, version}}; the ids are {@code null} when
   * invalid, and for a profile-rule file, which has none.
   */
  public static ObjectNode validation(
      String schema,
      String pathArgument,
      boolean ok,
      List<Diagnostic> diagnostics,
      String id,
      String version) {
    return ObjectNode.builder()
        .put("schema", schema)
        .put("ok", BooleanNode.of(ok))
        .put("path", PythonPath.normalize(pathArgument))
        .put("diagnostics", DiagnosticJson.array(diagnostics))
        .put("pack_id", ok && id != null ? StringNode.of(id) : NullNode.of())
        .put("version", ok && version != null ? StringNode.of(version) : NullNode.of())
        .build();
  }

  /** {@code {schema, ok, pack_id, pack_version, rule_count, diagnostics}}. */
  public static ObjectNode compile(PackCompilation compilation) {
    EnforcementPack pack = compilation.pack();
    ObjectNode.Builder report =
        ObjectNode.builder()
            .put("schema", COMPILE_SCHEMA)
            .put("ok", BooleanNode.of(compilation.ok()))
            .put("pack_id", pack.id())
            .put("pack_version", pack.version())
            .put("rule_count", pack.rules().size());
    diagnostics(report, compilation.problems());
    return report.build();
  }

  /**
   * {@code {schema, ok, pack_id, pack_version, event_count, rule_count, match_count, rows,
   * diagnostics, timing}}.
   */
  public static ObjectNode backtest(
      EnforcementPack pack,
      int eventCount,
      List<Backtest.Row> rows,
      List<Diagnostic> diagnostics,
      double durationMs) {
    return backtest(pack, eventCount, new Backtest.Result(rows, Map.of()), diagnostics, durationMs);
  }

  /**
   * As above, with ours after {@code rows} when some rule exceeded its CEL evaluation budget:
   * {@code budget_exceeded: {count, rule_ids}} (events it made count as no match).
   */
  public static ObjectNode backtest(
      EnforcementPack pack,
      int eventCount,
      Backtest.Result result,
      List<Diagnostic> diagnostics,
      double durationMs) {
    List<Backtest.Row> rows = result.rows();
    List<Node> items = new ArrayList<>(rows.size());
    for (Backtest.Row row : rows) {
      items.add(row(pack, row));
    }
    return backtest(pack, eventCount, rows.size(), items, result, diagnostics, durationMs);
  }

  /**
   * The same report around {@code rows} already made ({@code matchCount} of them, or none), with
   * {@code budget}'s exceeded rules (its rows are not read).
   */
  public static ObjectNode backtest(
      EnforcementPack pack,
      long eventCount,
      long matchCount,
      List<Node> rows,
      Backtest.Result budget,
      List<Diagnostic> diagnostics,
      double durationMs) {
    ObjectNode.Builder report =
        ObjectNode.builder()
            .put("schema", BACKTEST_SCHEMA)
            .put("ok", BooleanNode.of(DiagnosticJson.noErrors(diagnostics)))
            .put("pack_id", pack.id())
            .put("pack_version", pack.version())
            .put("event_count", eventCount)
            .put("rule_count", pack.rules().size())
            .put("match_count", matchCount)
            .put("rows", ArrayNode.of(rows));
    if (!budget.budgetExceeded().isEmpty()) {
      report.put(
          "budget_exceeded",
          ObjectNode.builder()
              .put("count", budget.budgetExceededCount())
              .put("rule_ids", ArrayNode.ofStrings(List.copyOf(budget.budgetExceeded().keySet())))
              .build());
    }
    diagnostics(report, diagnostics);
    report.put(
        "timing", ObjectNode.builder().put("duration_ms", new FloatNode(durationMs, null)).build());
    return report.build();
  }

  /** One row of a backtest report: the event, the rule that matched first, its fields. */
  public static ObjectNode row(EnforcementPack pack, Backtest.Row row) {
    ObjectNode.Builder item =
        ObjectNode.builder()
            .put("event_ref", row.fixture().eventRef().json())
            .put("rule_id", row.rule().id())
            .put("pack_id", pack.id())
            .put("decision", row.rule().decision().wireName());
    if (row.rule().reason() != null) {
      item.put("reason", row.rule().reason());
    }
    item.put("matched_fields", fields(row.fields()));
    return item.build();
  }

  /**
   * One finding for each rule that exceeded its CEL evaluation budget: such a rule was never
   * evaluated to the end on those events, so the backtest proves nothing about it there. A warning
   * (W570), or with {@code strict} ({@code backtest --strict}) an error (E577).
   */
  public static List<Diagnostic> budgetProblems(
      Backtest.Result result, String shownAs, boolean strict) {
    List<Diagnostic> problems = new ArrayList<>();
    result
        .budgetExceeded()
        .forEach(
            (rule, count) ->
                problems.add(
                    new Diagnostic(
                        strict ? Code.E577 : Code.W570,
                        shownAs,
                        "",
                        null,
                        "rule "
                            + rule
                            + " exceeded its CEL evaluation budget on "
                            + count
                            + (count == 1 ? " event" : " events")
                            + " (counted as no match); make its comprehensions smaller")));
    return problems;
  }

  /** Upstream's string list, then ours when there is something to say. */
  public static void diagnostics(ObjectNode.Builder report, List<Diagnostic> diagnostics) {
    List<Node> texts = new ArrayList<>(diagnostics.size());
    List<Node> details = new ArrayList<>(diagnostics.size());
    for (Diagnostic d : diagnostics) {
      texts.add(StringNode.of(d.message()));
      details.add(DiagnosticJson.withFile(d));
    }
    report.put("diagnostics", ArrayNode.of(texts));
    if (!details.isEmpty()) {
      report.put("diagnostic_details", ArrayNode.of(details));
    }
  }

  /** A matched-fields map as JSON, in its order. */
  public static ObjectNode fields(Map<String, Object> fields) {
    ObjectNode.Builder out = ObjectNode.builder();
    for (Map.Entry<String, Object> entry : fields.entrySet()) {
      out.put(entry.getKey(), scalar(entry.getValue()));
    }
    return out.build();
  }

  static Node scalar(Object value) {
    if (value instanceof String s) {
      return StringNode.of(s);
    }
    if (value instanceof Long n) {
      return IntegerNode.of(n);
    }
    if (value instanceof Double d) {
      return new FloatNode(d, null);
    }
    if (value instanceof Boolean b) {
      return BooleanNode.of(b);
    }
    return NullNode.of();
  }
}

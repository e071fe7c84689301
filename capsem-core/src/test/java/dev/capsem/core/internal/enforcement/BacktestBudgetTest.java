package dev.capsem.core.internal.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.TextReport;
import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.policycontext.PolicyContextCorpus;
import dev.capsem.core.ports.FileAccess;
import dev.capsem.core.testing.Conformance;
import dev.capsem.core.testing.FixedPorts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, finding 11: a rule that exceeds its CEL evaluation budget counts as no match (as
 * upstream's backtest has it), but the report says so: its count and rule ids, a warning, and with
 * {@code --strict} an error that makes the report fail.
 */
class BacktestBudgetTest {

  /** 50 x 50 x 50 iterations: more than the 100,000 a condition may take. */
  private static final String HUGE;

  static {
    String list =
        IntStream.range(0, 50).mapToObj(Integer::toString).collect(Collectors.joining(","));
    HUGE =
        "http.request.host.contains(\\\"google\\\") && ["
            + list
            + "].all(a, ["
            + list
            + "].all(b, ["
            + list
            + "].all(c, a + b + c >= 0)))";
  }

  private static final String PACK =
      "schema = \"capsem.policy-pack.v1\"\n"
          + "id = \"corp.budget\"\n"
          + "version = \"2026.0522.1\"\n"
          + "status = \"active\"\n"
          + "owner = \"corp\"\n"
          + "description = \"A rule whose comprehension is too big.\"\n\n"
          + "[[rules]]\nid = \"a-huge\"\nname = \"Huge\"\nevent_family = \"http\"\n"
          + "event_type = \"http.request\"\npriority = 10\ncondition = \""
          + HUGE
          + "\"\n"
          + "decision = \"block\"\n\n"
          + "[[rules]]\nid = \"b-small\"\nname = \"Small\"\nevent_family = \"http\"\n"
          + "event_type = \"http.request\"\npriority = 20\n"
          + "condition = \"http.request.host.contains(\\\"google\\\")\"\ndecision = \"allow\"\n";

  private static Backtest.Result run() {
    EnforcementRead read =
        EnforcementReader.read(PACK.getBytes(StandardCharsets.UTF_8), "pack.toml", "pack.toml");
    assertThat(read.diagnostics()).isEmpty();
    PackCompilation compilation = PackCompilation.compile(read.pack(), new ConditionCompiler());
    assertThat(compilation.problems()).isEmpty();
    PolicyContextCorpus corpus =
        PolicyContextCorpus.parse(
            Conformance.text("data/policy-context/canonical-policy-contexts.jsonl"),
            "events.jsonl");
    return Backtest.run(compilation.engine(), corpus.fixtures());
  }

  @Test
  void run_ruleOverItsBudget_isCountedByRuleAndTheNextRuleDecides() {
    Backtest.Result result = run();

    assertThat(result.budgetExceeded()).containsOnlyKeys("a-huge");
    assertThat(result.budgetExceededCount()).isPositive();
    assertThat(result.rows())
        .hasSize(result.budgetExceededCount())
        .allSatisfy(row -> assertThat(row.rule().id()).isEqualTo("b-small"));
  }

  @Test
  void report_ruleOverItsBudget_listsCountAndRuleIds() {
    Backtest.Result result = run();
    EnforcementRead read =
        EnforcementReader.read(PACK.getBytes(StandardCharsets.UTF_8), "pack.toml", "pack.toml");
    List<Diagnostic> warnings = EnforcementReports.budgetProblems(result, "pack.toml", false);

    ObjectNode report = EnforcementReports.backtest(read.pack(), 4, result, warnings, 1.0);

    assertThat(JsonPrinter.compact().print(report.get("budget_exceeded")))
        .isEqualTo("{\"count\":" + result.budgetExceededCount() + ",\"rule_ids\":[\"a-huge\"]}");
    assertThat(JsonPrinter.compact().print(report.get("ok"))).isEqualTo("true");
    assertThat(warnings).extracting(Diagnostic::code).containsExactly(Code.W570);
  }

  @Test
  void strict_ruleOverItsBudget_isE577AndTheReportFails() {
    Backtest.Result result = run();
    EnforcementRead read =
        EnforcementReader.read(PACK.getBytes(StandardCharsets.UTF_8), "pack.toml", "pack.toml");
    List<Diagnostic> errors = EnforcementReports.budgetProblems(result, "pack.toml", true);

    ObjectNode report = EnforcementReports.backtest(read.pack(), 4, result, errors, 1.0);

    assertThat(errors)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo(Code.E577);
              assertThat(d.message()).startsWith("rule a-huge exceeded its CEL evaluation budget");
            });
    assertThat(JsonPrinter.compact().print(report.get("ok"))).isEqualTo("false");
  }

  private static Outcome<TextReport> backtest(Path dir, boolean strict) throws Exception {
    Path pack = Files.writeString(dir.resolve("pack.toml"), PACK);
    Path events = Conformance.file("data/policy-context/canonical-policy-contexts.jsonl");
    return new EnforcementFlow(FixedPorts.create().clock(), FileAccess.local())
        .backtest(
            new GivenPath(pack, "pack.toml"), new GivenPath(events, "events.jsonl"), null, strict);
  }

  @Test
  void flow_ruleOverItsBudget_warnsW570AndStaysOk(@TempDir Path dir) throws Exception {
    Outcome<TextReport> outcome = backtest(dir, false);

    assertThat(outcome.ok()).isTrue();
    assertThat(outcome.diagnostics()).extracting(Diagnostic::code).containsExactly(Code.W570);
    assertThat(outcome.value().json()).contains("\"budget_exceeded\": {", "\"a-huge\"");
  }

  @Test
  void flowStrict_ruleOverItsBudget_isE577AndNotOk(@TempDir Path dir) throws Exception {
    Outcome<TextReport> outcome = backtest(dir, true);

    assertThat(outcome.ok()).isFalse();
    assertThat(outcome.diagnostics()).extracting(Diagnostic::code).containsExactly(Code.E577);
  }
}

package dev.capsem.core.internal.enforcement;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.policycontext.PolicyContextFixture;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The results of a rule-test suite against a compiled pack: each case passed or failed (E222), and
 * how often each rule decided, over the cases and the corpora; an enabled rule that nothing matched
 * is flagged (W016), since a rule no test exercises is a rule nobody knows works.
 */
public record RuleTestRun(
    EnforcementPack pack,
    List<CaseResult> results,
    Map<String, Integer> hits,
    List<Diagnostic> diagnostics) {

  /** One case's outcome: the decision and rule it got, and why it failed. */
  public record CaseResult(
      RuleTestSuite.Case testCase, String actualDecision, String actualRule, String failure) {
    public boolean passed() {
      return failure == null;
    }
  }

  public RuleTestRun {
    results = List.copyOf(results);
    hits = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(hits));
    diagnostics = List.copyOf(diagnostics);
  }

  public long failures() {
    return results.stream().filter(r -> !r.passed()).count();
  }

  /** Runs {@code suite} against {@code compilation} (which must be ok) and the corpora's events. */
  public static RuleTestRun run(
      RuleTestSuite suite, PackCompilation compilation, List<PolicyContextFixture> corpus) {
    EnforcementPack pack = compilation.pack();
    EnforcementEngine engine = compilation.engine();
    Map<String, Integer> hits = new LinkedHashMap<>();
    for (EnforcementRule rule : pack.rules()) {
      hits.put(rule.id(), 0);
    }
    List<CaseResult> results = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (RuleTestSuite.Case c : suite.cases()) {
      Decision decision = engine.evaluate(c.context());
      String actual;
      if (decision.verdict() == Verdict.ERROR) {
        actual = "error";
      } else if (!decision.matched()) {
        actual = RuleTestSuite.NONE;
      } else {
        actual = decision.ruleDecision().wireName();
      }
      if (decision.matched()) {
        hits.merge(decision.ruleId(), 1, Integer::sum);
      }
      String failure = null;
      boolean decisionOk = actual.equals(c.expectedDecision());
      boolean ruleOk = c.expectedRule() == null || c.expectedRule().equals(decision.ruleId());
      if (!decisionOk || !ruleOk) {
        failure =
            "case '"
                + c.name()
                + "': expected "
                + describe(c.expectedDecision(), c.expectedRule())
                + ", got "
                + describe(actual, decision.ruleId())
                + (decision.verdict() == Verdict.ERROR ? " (" + decision.reason() + ")" : "");
        diagnostics.add(new Diagnostic(Code.E222, suite.file(), c.path(), c.position(), failure));
      }
      results.add(new CaseResult(c, actual, decision.ruleId(), failure));
    }
    for (PolicyContextFixture fixture : corpus) {
      EnforcementEngine.Entry match = engine.firstMatch(fixture.context());
      if (match != null) {
        hits.merge(match.rule().id(), 1, Integer::sum);
      }
    }
    for (int i = 0; i < pack.rules().size(); i++) {
      EnforcementRule rule = pack.rules().get(i);
      if (rule.enabled() && hits.get(rule.id()) == 0) {
        RuleSource source = pack.source(i);
        diagnostics.add(
            new Diagnostic(
                Code.W016,
                source.file(),
                source.conditionPath(),
                source.at(0),
                "rule " + rule.id() + " is never matched by a test case or corpus event"));
      }
    }
    return new RuleTestRun(pack, results, hits, diagnostics);
  }

  private static String describe(String decision, String rule) {
    if (RuleTestSuite.NONE.equals(decision)) {
      return "no rule to match";
    }
    return rule == null ? decision : decision + " by rule " + rule;
  }
}

package dev.capsem.core.internal.enforcement;

import dev.capsem.core.internal.policycontext.PolicyContextCorpus;
import dev.capsem.core.internal.policycontext.PolicyContextFixture;
import dev.capsem.core.testing.Conformance;
import java.util.List;

/** Small builders for enforcement tests. */
final class Rules {

  private Rules() {}

  static EnforcementRule rule(
      String id, String family, long priority, String condition, RuleDecision decision) {
    return new EnforcementRule(
        id, id, true, family, family + ".request", priority, condition, decision, null, null);
  }

  static EnforcementRule rule(String family, String condition) {
    return rule("r", family, 100, condition, RuleDecision.BLOCK);
  }

  /** The compiled condition, or the failure's message for rule id {@code r}. */
  static Object compile(String family, String condition) {
    return new ConditionCompiler().compile(rule(family, condition));
  }

  static String failure(String family, String condition) {
    Object compiled = compile(family, condition);
    if (compiled instanceof ConditionFailure failure) {
      return failure.code() + " " + failure.message("r");
    }
    return "compiled";
  }

  static List<PolicyContextFixture> canonical() {
    return corpus("data/policy-context/canonical-policy-contexts.jsonl");
  }

  static List<PolicyContextFixture> corpus(String relative) {
    PolicyContextCorpus corpus = PolicyContextCorpus.read(Conformance.file(relative), relative);
    if (!corpus.ok()) {
      throw new AssertionError(corpus.problem());
    }
    return corpus.fixtures();
  }

  /** The outcome of {@code condition} (in an http rule) on each event. */
  static List<ConditionResult> outcomes(
      String family, String condition, List<PolicyContextFixture> events) {
    Object compiled = compile(family, condition);
    if (!(compiled instanceof CompiledCondition c)) {
      throw new AssertionError("does not compile: " + compiled);
    }
    return events.stream().map(e -> c.evaluate(e.context())).toList();
  }
}

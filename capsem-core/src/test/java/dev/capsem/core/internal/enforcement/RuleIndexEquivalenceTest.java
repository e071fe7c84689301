package dev.capsem.core.internal.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.internal.policycontext.PolicyContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The engine's per-family index (rules keyed by a {@code field == "text"} conjunct) skips only
 * rules that could not match: on seeded random events it decides exactly as evaluating every rule
 * in order does, for backtests and for the fail-closed runtime evaluation alike.
 */
class RuleIndexEquivalenceTest {

  @Test
  void indexedEngine_decidesAsTheRulesInOrder() {
    List<EnforcementRule> rules = new ArrayList<>();
    rules.add(
        Rules.rule(
            "a-google", "http", 1, "http.request.host.contains('google')", RuleDecision.BLOCK));
    for (int i = 0; i < 12; i++) {
      rules.add(
          Rules.rule(
              "h" + i,
              "http",
              10 + (i % 3),
              "http.request.host == 'svc-" + i + ".example' && http.request.method == 'POST'",
              RuleDecision.BLOCK));
      rules.add(
          Rules.rule(
              "r" + i,
              "http",
              10 + (i % 4),
              "http.response.status == 500 && http.request.host == 'svc-" + i + ".example'",
              RuleDecision.ASK));
    }
    rules.add(
        Rules.rule(
            "z-writes",
            "http",
            1000,
            "http.request.method in ['POST', 'PUT']",
            RuleDecision.BLOCK));
    EnforcementPack pack = EnforcementPack.of("corp.index", "1", rules);
    PackCompilation compilation = PackCompilation.compile(pack, new ConditionCompiler());
    EnforcementEngine engine = compilation.engine();
    List<EnforcementRule> ordered = new ArrayList<>(rules);
    ordered.sort(
        java.util.Comparator.comparingLong(EnforcementRule::priority)
            .thenComparing(EnforcementRule::id));

    Random random = new Random(7);
    for (int n = 0; n < 2000; n++) {
      PolicyContext context = PolicyContext.fromMap(event(random));
      String expectedMatch = null;
      String expectedRuntime = "continue";
      for (EnforcementRule rule : ordered) {
        ConditionResult outcome = compilation.condition(rules.indexOf(rule)).evaluate(context);
        if (outcome == ConditionResult.MATCH && expectedMatch == null) {
          expectedMatch = rule.id();
        }
        if (outcome != ConditionResult.NO_MATCH && expectedRuntime.equals("continue")) {
          expectedRuntime = (outcome == ConditionResult.ERROR ? "error " : "match ") + rule.id();
        }
      }
      EnforcementEngine.Entry match = engine.firstMatch(context);
      Decision decision = engine.evaluate(context);

      assertThat(match == null ? null : match.rule().id()).isEqualTo(expectedMatch);
      assertThat(
              !decision.matched()
                  ? "continue"
                  : (decision.verdict() == Verdict.ERROR ? "error " : "match ") + decision.ruleId())
          .isEqualTo(expectedRuntime);
    }
  }

  private static Map<String, Object> event(Random random) {
    Map<String, Object> http = new HashMap<>();
    if (random.nextInt(6) > 0) {
      Map<String, Object> request = new HashMap<>();
      int host = random.nextInt(16);
      request.put(
          "host", host == 15 ? null : host == 14 ? "www.google.com" : "svc-" + host + ".example");
      request.put("method", random.nextBoolean() ? "POST" : "GET");
      http.put("request", request);
    }
    if (random.nextBoolean()) {
      http.put("response", Map.of("status", random.nextBoolean() ? 500 : 200));
    }
    Map<String, Object> event = new HashMap<>();
    event.put("common", Map.of("event_type", "http.request"));
    event.put("http", http);
    return event;
  }
}

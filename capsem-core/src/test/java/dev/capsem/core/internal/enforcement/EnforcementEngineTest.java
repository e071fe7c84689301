package dev.capsem.core.internal.enforcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.TextReport;
import dev.capsem.core.internal.policycontext.PolicyContext;
import dev.capsem.core.testing.FixedPorts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Evaluation (spec §1.3, §1.4, D3): order, first match, ask, errors, the default. */
class EnforcementEngineTest {

  private final EnforcementFlow enforcement =
      new EnforcementFlow(FixedPorts.create().clock(), dev.capsem.core.ports.FileAccess.local());

  static PolicyContext http(String method, String host) {
    return PolicyContext.fromMap(
        Map.of(
            "common",
            Map.of("event_type", "http.request"),
            "http",
            Map.of("request", Map.of("method", method, "host", host, "port", 443))));
  }

  @Nested
  class BriefRules {

    /** The brief's four example rules, as a corp would ship them in one file. */
    static final String BRIEF_RULES =
        """
        [security.rules.http.allow_github]
        on = "http.request"
        if = 'http.request.host == "github.com" || http.request.host.endsWith(".githubusercontent.com")'
        decision = "allow"
        priority = 10

        [security.rules.http.block_unknown_writes]
        on = "http.request"
        if = 'http.request.method in ["POST", "PUT", "PATCH", "DELETE"]'
        decision = "block"
        priority = 1000

        [security.rules.http.allow_internal]
        on = "http.request"
        if = 'http.request.host.endsWith(".internal.corp.com")'
        decision = "allow"
        priority = -100

        [security.rules.http.block_google]
        on = "http.request"
        if = 'http.request.host.contains("google")'
        decision = "block"
        priority = -90
        """;

    @Test
    void briefRules_validateAndCompile(@TempDir Path dir) throws Exception {
      Path file = write(dir, "corp-enforcement.toml", BRIEF_RULES);

      Outcome<TextReport> validation =
          enforcement.validate(new GivenPath(file, "corp-enforcement.toml"));

      assertThat(validation.diagnostics()).isEmpty();
      assertThat(validation.value().text().strip())
          .isEqualTo("valid: enforcement rules (4 rule(s))");
      assertThat(enforcement.compile(new GivenPath(file, "corp-enforcement.toml")).json())
          .isEqualTo(
              """
              {
                "schema": "capsem.policy-compile.v1",
                "ok": true,
                "pack_id": "corp-enforcement",
                "pack_version": "unversioned",
                "rule_count": 4,
                "diagnostics": []
              }
              """);
    }

    @Test
    void briefRules_handMadeContexts_giveTheDecisionsAReaderExpects(@TempDir Path dir)
        throws Exception {
      EnforcementFlow.Loaded policy =
          enforcement.load(
              new GivenPath(
                  write(dir, "corp-enforcement.toml", BRIEF_RULES), "corp-enforcement.toml"));
      PolicyEvaluator evaluator = policy.evaluator();

      assertThat(decide(evaluator, "GET", "github.com")).isEqualTo("ALLOW by http.allow_github");
      assertThat(decide(evaluator, "POST", "github.com")).isEqualTo("ALLOW by http.allow_github");
      assertThat(decide(evaluator, "GET", "raw.githubusercontent.com"))
          .isEqualTo("ALLOW by http.allow_github");
      // -100 runs before 10: an internal host is allowed even for writes.
      assertThat(decide(evaluator, "PUT", "wiki.internal.corp.com"))
          .isEqualTo("ALLOW by http.allow_internal");
      // -90 beats github's 10 and the catch-all writes rule at 1000.
      assertThat(decide(evaluator, "GET", "googleapis.com"))
          .isEqualTo("BLOCK by http.block_google");
      assertThat(decide(evaluator, "GET", "github.google.com"))
          .isEqualTo("BLOCK by http.block_google");
      assertThat(decide(evaluator, "DELETE", "example.com"))
          .isEqualTo("BLOCK by http.block_unknown_writes");
      // Nothing matches a read of an unknown host: the event continues.
      assertThat(decide(evaluator, "GET", "example.com")).isEqualTo("ALLOW by default");
    }

    private static String decide(PolicyEvaluator evaluator, String method, String host) {
      Decision decision = evaluator.evaluate(http(method, host));
      return decision.verdict() + " by " + (decision.matched() ? decision.ruleId() : "default");
    }
  }

  @Nested
  class Semantics {

    @Test
    void lowerPriorityWins_tiesGoToTheLowerId_disabledRulesNeverFire() {
      EnforcementRule disabled =
          new EnforcementRule(
              "disabled",
              "d",
              false,
              "http",
              "http.request",
              -1000,
              "true",
              RuleDecision.BLOCK,
              null,
              null);
      PolicyEvaluator engine =
          enforcement.evaluator(
              EnforcementPack.of(
                  "corp.x",
                  "1",
                  List.of(
                      Rules.rule("zz-allow", "http", 5, "true", RuleDecision.ALLOW),
                      Rules.rule("aa-block", "http", 5, "true", RuleDecision.BLOCK),
                      disabled,
                      Rules.rule("late", "http", 6, "true", RuleDecision.ALLOW))));

      Decision decision = engine.evaluate(http("GET", "x"));

      assertThat(decision.ruleId()).isEqualTo("aa-block");
      assertThat(decision.verdict()).isEqualTo(Verdict.BLOCK);
      assertThat(decision.reason()).isEqualTo("blocked");
      assertThat(decision.matchedFields()).containsExactly(Map.entry("condition", true));
    }

    @Test
    void ask_withoutAResolver_blocksWithTheRuntimesReason() {
      EnforcementRule ask =
          new EnforcementRule(
              "ask-google",
              "a",
              true,
              "http",
              "http.request",
              1,
              "http.request.host.contains('google')",
              RuleDecision.ASK,
              null,
              "operator approval required");
      PolicyEvaluator engine =
          enforcement.evaluator(EnforcementPack.of("corp.x", "1", List.of(ask)));

      Decision decision = engine.evaluate(http("GET", "google.com"));

      assertThat(decision.verdict()).isEqualTo(Verdict.BLOCK);
      assertThat(decision.ruleDecision()).isEqualTo(RuleDecision.ASK);
      assertThat(decision.reason())
          .isEqualTo(
              "operator approval required; default denied because no confirm resolver is"
                  + " configured");
      assertThat(engine.evaluate(http("GET", "google.com"), (rule, context) -> true).verdict())
          .isEqualTo(Verdict.ALLOW);
      assertThat(engine.evaluate(http("GET", "google.com"), (rule, context) -> false).verdict())
          .isEqualTo(Verdict.BLOCK);
    }

    @Test
    void ask_withoutReason_blocksWithTheBareDefaultDenyText() {
      PolicyEvaluator engine =
          enforcement.evaluator(
              EnforcementPack.of(
                  "corp.x", "1", List.of(Rules.rule("a", "http", 1, "true", RuleDecision.ASK))));

      assertThat(engine.evaluate(http("GET", "x")).reason())
          .isEqualTo("default denied because no confirm resolver is configured");
    }

    @Test
    void evaluationError_failsClosedAtRuntime_butIsNoMatchInABacktest() {
      PolicyEvaluator engine =
          enforcement.evaluator(
              EnforcementPack.of(
                  "corp.x",
                  "1",
                  List.of(
                      Rules.rule(
                          "needs-response",
                          "http",
                          1,
                          "http.response.status == 500",
                          RuleDecision.BLOCK),
                      Rules.rule("allow-all", "http", 2, "true", RuleDecision.ALLOW))));

      Decision decision = engine.evaluate(http("GET", "x"));

      assertThat(decision.verdict()).isEqualTo(Verdict.ERROR);
      assertThat(decision.verdict().blocks()).isTrue();
      assertThat(decision.reason()).startsWith("rule needs-response CEL evaluation failed: ");
      EnforcementEngine.Entry match = ((EnforcementEngine) engine).firstMatch(http("GET", "x"));
      assertThat(match.rule().id()).isEqualTo("allow-all");
    }

    @Test
    void rewrite_returnsThePayload_andOtherFamiliesAndHookRulesNeverMatch() {
      Rewrite rewrite = new Rewrite("http.request.url", "https://mirror", List.of(), List.of());
      EnforcementRule rewriting =
          new EnforcementRule(
              "mirror",
              "m",
              true,
              "http",
              "http.request",
              1,
              "true",
              RuleDecision.REWRITE,
              rewrite,
              null);
      PolicyEvaluator engine =
          enforcement.evaluator(
              EnforcementPack.of(
                  "corp.x",
                  "1",
                  List.of(
                      Rules.rule("hook-all", "hook", 0, "true", RuleDecision.BLOCK),
                      Rules.rule("dns-all", "dns", 0, "true", RuleDecision.BLOCK),
                      rewriting)));

      Decision decision = engine.evaluate(http("GET", "x"));

      assertThat(decision.verdict()).isEqualTo(Verdict.REWRITE);
      assertThat(decision.rewrite()).isEqualTo(rewrite);
      PolicyContext noFamily =
          PolicyContext.fromMap(Map.of("common", Map.of("event_type", "snapshot.create")));
      assertThat(engine.evaluate(noFamily).matched()).isFalse();
    }

    @Test
    void evaluator_ofARuleThatDoesNotCompile_isRefusedNamingTheRule() {
      EnforcementPack pack =
          EnforcementPack.of(
              "corp.x",
              "1",
              List.of(Rules.rule("bad", "http", 1, "event.x == 1", RuleDecision.BLOCK)));

      assertThatThrownBy(() -> enforcement.evaluator(pack))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("rule bad uses unsupported internal event root");
    }
  }

  static Path write(Path dir, String name, String text) throws java.io.IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }
}

package dev.capsem.core.internal.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.TextReport;
import dev.capsem.core.internal.json.JsonDialect;
import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.json.JsonReader;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.testing.Conformance;
import dev.capsem.core.testing.FixedPorts;
import dev.capsem.core.testing.PolicyDetectionVectors;
import dev.capsem.core.testing.PolicyDetectionVectors.Case;
import dev.capsem.core.testing.ReportComparison;
import dev.capsem.core.testing.Reports;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The enforcement use cases against upstream f1a612a3's captured outputs and expected files: every
 * {@code policy-*} case byte for byte (our diagnostic fields and timing left out), except the three
 * D2/D3 change on purpose, which have tests of their own here.
 */
class EnforcementConformanceTest {

  /** The cases whose outcome D2 or D3 changes (spec §3.3); the rest must match upstream. */
  private static final List<String> CHANGED_BY_DECISIONS =
      List.of(
          "policy-compile-unsupported",
          "policy-validate-seed-profile-rule-shape",
          "policy-validate-wrong-schema");

  private final EnforcementFlow enforcement =
      new EnforcementFlow(FixedPorts.create().clock(), dev.capsem.core.ports.FileAccess.local());

  static Stream<Case> upstreamCases() {
    return PolicyDetectionVectors.cases().stream()
        .filter(c -> c.group().equals("policy"))
        .filter(c -> !CHANGED_BY_DECISIONS.contains(c.name()))
        .filter(c -> !c.name().equals("policy-backtest-bad-events-line"))
        .filter(c -> !c.name().equals("policy-compile-invalid-pack-text"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("upstreamCases")
  void policyCommand_capturedCase_printsUpstreamReport(Case c) {
    ObjectNode report = run(c);

    assertThat(ReportComparison.asUpstream(report)).isEqualTo(c.expected());
    assertThat(((dev.capsem.core.internal.json.BooleanNode) report.get("ok")).value())
        .isEqualTo(c.exitCode() == 0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"http-google-secret", "process-shell-block"})
  void backtest_upstreamPolicyAndCorpus_reproducesBacktestExpected(String name) {
    String corpus =
        name.equals("http-google-secret")
            ? "data/policy-context/canonical-policy-contexts.jsonl"
            : "data/policy-context/session-process-exec-block.jsonl";
    String pack = "data/enforcement/policy/" + name + "-policy.toml";

    Outcome<TextReport> result =
        enforcement.backtest(
            new GivenPath(Conformance.file(pack), pack),
            new GivenPath(Conformance.file(corpus), corpus),
            null);

    assertThat(result.ok()).isTrue();
    assertThat(ReportComparison.asUpstream(Reports.tree(result)))
        .isEqualTo(Conformance.text("data/enforcement/backtest-expected/" + name + ".json"));
  }

  @Test
  void backtest_badEventsLine_refusesTheWholeCorpusWithThePathAndLineNumber() {
    Case c = PolicyDetectionVectors.named("policy-backtest-bad-events-line");

    ObjectNode report = run(c);

    ObjectNode expected = (ObjectNode) read(c.expected());
    String ours = ((dev.capsem.core.internal.json.StringNode) first(report, "diagnostics")).value();
    String theirs =
        ((dev.capsem.core.internal.json.StringNode) first(expected, "diagnostics")).value();
    assertThat(ours).startsWith("inputs/bad-events.jsonl:3: ");
    assertThat(theirs).startsWith("inputs/bad-events.jsonl:3: ");
    assertThat(ours)
        .isEqualTo(
            "inputs/bad-events.jsonl:3: 3 validation errors for PolicyContextFixtureV1\n"
                + "bad\n  Extra inputs are not permitted\n"
                + "event_ref\n  Field required\n"
                + "context\n  Field required");
    // Everything but the diagnostic text is upstream's.
    assertThat(ReportComparison.asUpstream(report.with("diagnostics", expected.get("diagnostics"))))
        .isEqualTo(c.expected());
  }

  @Test
  void compile_invalidPack_isRefusedWithoutAReportAndTheCodedFinding() {
    Outcome<TextReport> result =
        enforcement.compile(
            new GivenPath(
                PolicyDetectionVectors.file("inputs/invalid-rewrite.json"),
                "inputs/invalid-rewrite.json"));

    assertThat(Reports.tree(result)).isNull();
    assertThat(result.error()).isEqualTo("invalid enforcement pack inputs/invalid-rewrite.json");
    assertThat(result.diagnostics())
        .extracting(Diagnostic::code, Diagnostic::path, Diagnostic::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                Code.E201, "rules.0", "Value error, rewrite decision requires rewrite payload"));
    // Upstream: "Error: 1 validation error for PolicyPackV1 ..." with exit 1; only the prefix is a
    // contract, and the CLI prints "Error: " + our refusal.
    assertThat(
            Conformance.text(
                PolicyDetectionVectors.FOLDER + "/policy-compile-invalid-pack-text.stderr.txt"))
        .startsWith("Error: ");
  }

  @Test
  void
      compile_briefsOrAndInConditions_nowCompileWhileInternalRootsAndCrossFamilyHeadersStayRejected() {
    Case c = PolicyDetectionVectors.named("policy-compile-unsupported");

    ObjectNode report = run(c);

    // Upstream rejected or-rule (||, endsWith) and in-rule (in [...]) only for using full CEL (D3).
    assertThat(c.expected()).contains("rule or-rule uses unsupported CEL clause");
    assertThat(ReportComparison.asUpstream(report))
        .isEqualTo(
            """
            {
              "schema": "capsem.policy-compile.v1",
              "ok": false,
              "pack_id": "corp.enforcement.unsupported",
              "pack_version": "1",
              "rule_count": 5,
              "diagnostics": [
                "rule subject-rule uses unsupported internal event root",
                "rule hdr-dns uses unsupported policy path for dns: http.request.header"
              ]
            }
            """);
  }

  @Test
  void validate_briefsProfileRuleFile_isValidUnderD2() {
    Case c = PolicyDetectionVectors.named("policy-validate-seed-profile-rule-shape");
    assertThat(c.exitCode()).isEqualTo(1);

    Outcome<TextReport> result =
        enforcement.validate(
            new GivenPath(PolicyDetectionVectors.file(c.args().get(0)), c.args().get(0)));

    assertThat(result.ok()).isTrue();
    assertThat(result.value().text().strip()).isEqualTo("valid: enforcement rules (2 rule(s))");
    assertThat(result.json())
        .isEqualTo(
            """
            {
              "schema": "capsem.security-pack-validation.v1",
              "ok": true,
              "path": "inputs/seed-corp-enforcement.toml",
              "diagnostics": [],
              "pack_id": null,
              "version": null
            }
            """);
  }

  @Test
  void validate_enforcementPackSchemaAlias_isValidUnderD2() {
    Case c = PolicyDetectionVectors.named("policy-validate-wrong-schema");
    assertThat(c.expected()).contains("Input should be 'capsem.policy-pack.v1'");

    Outcome<TextReport> result =
        enforcement.validate(
            new GivenPath(PolicyDetectionVectors.file(c.args().get(0)), c.args().get(0)));

    assertThat(result.ok()).isTrue();
    assertThat(result.value().text().strip()).isEqualTo("valid: policy pack corp-default-policy@1");
    assertThat(result.json()).contains("\"pack_id\": \"corp-default-policy\"");
  }

  @Test
  void schema_isUpstreamsFileByteForByte() {
    assertThat(enforcement.schema())
        .isEqualTo(Conformance.text("schemas/capsem.policy-pack.v1.schema.json"));
  }

  @Test
  void validate_invalidPack_givesEveryFindingAtItsPositionInTheFile() {
    Outcome<TextReport> result =
        enforcement.validate(
            new GivenPath(
                PolicyDetectionVectors.file("inputs/invalid1.json"), "inputs/invalid1.json"));

    assertThat(result.diagnostics().stream().map(dev.capsem.core.diag.DiagnosticText::compact))
        .containsExactly(
            "E011 inputs/invalid1.json:7:3: extra: Extra inputs are not permitted",
            "E012 inputs/invalid1.json:3:9: id: String should match pattern '^[a-z0-9][a-z0-9_.-]{2,95}$'",
            "E014 inputs/invalid1.json:4:14: version: String should have at least 1 character",
            "E005 inputs/invalid1.json:5:13: status: Input should be 'active', 'deprecated' or 'revoked'",
            "E012 inputs/invalid1.json:10:13: rules.0.id: String should match pattern '^[a-z0-9][a-z0-9_.-]{1,127}$'",
            "E005 inputs/invalid1.json:12:23: rules.0.event_family: Input should be 'dns', 'http', 'mcp',"
                + " 'model', 'file', 'process', 'credential', 'vm', 'profile' or 'conversation'",
            "E013 inputs/invalid1.json:14:19: rules.0.priority: Input should be less than or equal to 1000",
            "E014 inputs/invalid1.json:15:20: rules.0.condition: String should have at least 1 character",
            "E005 inputs/invalid1.json:16:19: rules.0.decision: Input should be 'allow', 'block', 'ask' or 'rewrite'");
  }

  private ObjectNode run(Case c) {
    String pack = c.args().get(0);
    return switch (c.command()) {
      case "validate" ->
          Reports.tree(
              enforcement.validate(new GivenPath(PolicyDetectionVectors.file(pack), pack)));
      case "compile" ->
          Reports.tree(enforcement.compile(new GivenPath(PolicyDetectionVectors.file(pack), pack)));
      case "backtest" -> {
        String events = c.args().get(c.args().indexOf("--events") + 1);
        yield Reports.tree(
            enforcement.backtest(
                new GivenPath(PolicyDetectionVectors.file(pack), pack),
                new GivenPath(PolicyDetectionVectors.file(events), events),
                null));
      }
      default -> throw new IllegalArgumentException(c.command());
    };
  }

  private static dev.capsem.core.internal.json.Node first(ObjectNode report, String key) {
    return ((dev.capsem.core.internal.json.ArrayNode) report.get(key)).get(0);
  }

  private static dev.capsem.core.internal.json.Node read(String json) {
    try {
      return JsonReader.read(json, JsonDialect.PYDANTIC);
    } catch (dev.capsem.core.internal.json.JsonSyntaxException e) {
      throw new AssertionError(e);
    }
  }

  @SuppressWarnings("unused")
  private static String print(ObjectNode node) {
    return JsonPrinter.pretty().printLine(node);
  }
}

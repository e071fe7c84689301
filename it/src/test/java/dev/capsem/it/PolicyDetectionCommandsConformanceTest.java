package dev.capsem.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.JsonDialect;
import dev.capsem.core.internal.json.JsonReader;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.json.StringNode;
import dev.capsem.core.testing.Conformance;
import dev.capsem.core.testing.PolicyDetectionVectors;
import dev.capsem.core.testing.PolicyDetectionVectors.Case;
import dev.capsem.core.testing.ReportComparison;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code bin/capsem-admin policy|enforcement|detection ...} as upstream f1a612a3 was run for the
 * captured {@code policy-detection} cases: from a folder that holds upstream's {@code data/} and
 * {@code schemas/} and the captured {@code inputs/} (symbolic links to the conformance folder, so
 * the vectors are read in place), with the case's own command line.
 */
class PolicyDetectionCommandsConformanceTest {

  /** Changed on purpose by D2 (alias schema, profile-rule shape) and D3 (full CEL). */
  private static final List<String> CHANGED_BY_DECISIONS =
      List.of(
          "policy-compile-unsupported",
          "policy-validate-seed-profile-rule-shape",
          "policy-validate-wrong-schema");

  @TempDir static Path workspace;

  @BeforeAll
  static void upstreamFolderLayout() throws IOException {
    Path capsem = Conformance.capsem();
    Files.createSymbolicLink(workspace.resolve("data"), capsem.resolve("data"));
    Files.createSymbolicLink(workspace.resolve("schemas"), capsem.resolve("schemas"));
    Files.createSymbolicLink(
        workspace.resolve("inputs"), capsem.resolve(PolicyDetectionVectors.FOLDER + "/inputs"));
  }

  static Stream<Case> upstreamCases() {
    return PolicyDetectionVectors.cases().stream()
        .filter(c -> !CHANGED_BY_DECISIONS.contains(c.name()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("upstreamCases")
  void capturedCommandLine_printsUpstreamsOutputAndExitCode(Case c) throws Exception {
    AdminProcess.Run run = run(c.group(), c);

    assertThat(run.exitCode()).isEqualTo(c.exitCode());
    run.assertNoStackTrace();
    if (c.name().equals("policy-compile-invalid-pack-text")) {
      // Upstream prints nothing on stdout here despite --json; ours prints the failure report
      // (issue 13: with --json every failure is JSON). The stderr and exit code stay upstream's.
      assertThat(run.stdout())
          .contains("\"schema\": \"capsem.failure.v1\"")
          .contains("\"code\": \"E201\"");
      assertThat(run.stderr())
          .isEqualTo(
              "Error: invalid enforcement pack inputs/invalid-rewrite.json\n"
                  + "error[E201] inputs/invalid-rewrite.json:1:118: rules.0: Value error, rewrite"
                  + " decision requires rewrite payload\n");
      return;
    }
    ObjectNode report = (ObjectNode) JsonReader.read(run.stdout(), JsonDialect.PYDANTIC);
    String expected = c.expected();
    if (c.name().equals("policy-backtest-bad-events-line")) {
      // Only the "<events path>:<line>: " prefix of the pydantic text is a contract.
      ObjectNode upstream = (ObjectNode) JsonReader.read(expected, JsonDialect.PYDANTIC);
      assertThat(first(report)).startsWith("inputs/bad-events.jsonl:3: ");
      assertThat(first(upstream)).startsWith("inputs/bad-events.jsonl:3: ");
      report = report.with("diagnostics", upstream.get("diagnostics"));
    }
    assertThat(ReportComparison.asUpstream(report)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("upstreamCases")
  void enforcementGroup_isThePolicyGroupUnderItsBriefName(Case c) throws Exception {
    if (!c.group().equals("policy") || !c.name().startsWith("policy-validate")) {
      return; // one command per case kind is enough to prove the alias; the rest costs JVM starts
    }
    AdminProcess.Run policy = run("policy", c);
    AdminProcess.Run enforcement = run("enforcement", c);

    assertThat(enforcement.stdout()).isEqualTo(policy.stdout());
    assertThat(enforcement.exitCode()).isEqualTo(policy.exitCode());
  }

  @Test
  void validate_briefsProfileRuleFileAndAliasSchema_areValidUnderD2() throws Exception {
    AdminProcess.Run seed =
        AdminProcess.run(workspace, "enforcement", "validate", "inputs/seed-corp-enforcement.toml");
    AdminProcess.Run alias =
        AdminProcess.run(workspace, "policy", "validate", "inputs/wrong-schema.json");

    assertThat(seed.exitCode()).isZero();
    assertThat(seed.stdout()).isEqualTo("valid: enforcement rules (2 rule(s))\n");
    assertThat(alias.exitCode()).isZero();
    assertThat(alias.stdout()).isEqualTo("valid: policy pack corp-default-policy@1\n");
  }

  @Test
  void compile_briefsOrAndInRules_compileUnderD3() throws Exception {
    AdminProcess.Run run =
        AdminProcess.run(workspace, "enforcement", "compile", "inputs/unsupported.toml");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stdout()).isEmpty();
    assertThat(run.stderr())
        .isEqualTo(
            "error[E203] inputs/unsupported.toml:30:14: rules.2.condition: rule subject-rule uses"
                + " unsupported internal event root\n"
                + "error[E204] inputs/unsupported.toml:38:14: rules.3.condition: rule hdr-dns uses"
                + " unsupported policy path for dns: http.request.header\n");
  }

  @Test
  void textMode_printsUpstreamsOneLineSummaries() throws Exception {
    String pack = "data/enforcement/policy/http-google-secret-policy.toml";
    String events = "data/policy-context/canonical-policy-contexts.jsonl";

    assertThat(AdminProcess.run(workspace, "enforcement", "validate", pack).stdout())
        .isEqualTo("valid: policy pack corp.enforcement.google-secret@2026.0522.1\n");
    assertThat(AdminProcess.run(workspace, "enforcement", "compile", pack).stdout())
        .isEqualTo("compiled 1 policy rule(s)\n");
    assertThat(
            AdminProcess.run(workspace, "enforcement", "backtest", pack, "--events", events)
                .stdout())
        .isEqualTo("checked 4 event(s), 1 enforcement match(es)\n");
    assertThat(
            AdminProcess.run(
                    workspace,
                    "detection",
                    "backtest",
                    "data/detection/sigma/google-secret-egress.yml",
                    "--events",
                    events)
                .stdout())
        .isEqualTo("checked 4 event(s), 2 finding(s)\n");
  }

  @Test
  void detectionCompile_printsTheIrOrWritesIt(@TempDir Path out) throws Exception {
    String pack = "data/detection/sigma/google-secret-egress.yml";
    Path ir = out.resolve("detection.ir.json");

    AdminProcess.Run printed = AdminProcess.run(workspace, "detection", "compile", pack);
    AdminProcess.Run written =
        AdminProcess.run(workspace, "detection", "compile", pack, "--out", ir.toString(), "--json");

    String committed = Conformance.text("data/detection/ir/google-secret-egress.json");
    assertThat(printed.stdout()).isEqualTo(committed);
    assertThat(Files.readString(ir)).isEqualTo(committed);
    assertThat(written.stdout())
        .isEqualTo(
            "{\n  \"schema\": \"capsem.detection-compile.v1\",\n  \"ok\": true,\n"
                + "  \"pack_id\": \"corp.detection.google-secret\",\n"
                + "  \"pack_version\": \"2026.0522.1\",\n  \"rule_count\": 1,\n"
                + "  \"output_path\": \""
                + ir
                + "\",\n  \"diagnostics\": []\n}\n");
  }

  @Test
  void schemas_printUpstreamsFiles() throws Exception {
    assertThat(AdminProcess.run(workspace, "policy", "schema").stdout())
        .isEqualTo(Conformance.text("schemas/capsem.policy-pack.v1.schema.json"));
    assertThat(AdminProcess.run(workspace, "detection", "schema").stdout())
        .isEqualTo(Conformance.text("schemas/capsem.detection-pack.v1.schema.json"));
  }

  @Test
  void usageErrors_exitTwo() throws Exception {
    AdminProcess.Run missing = AdminProcess.run(workspace, "enforcement", "validate", "nope.toml");
    AdminProcess.Run noEvents =
        AdminProcess.run(workspace, "detection", "check", "inputs/detection-pack.yml");

    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.stderr())
        .startsWith("Invalid value for 'POLICY_PATH': File 'nope.toml' does not exist.");
    assertThat(noEvents.exitCode()).isEqualTo(2);
    assertThat(noEvents.stderr()).contains("--events");
  }

  @Test
  void enforcementTest_writesJUnitXml(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("rules.toml"),
        Files.readString(workspace.resolve("inputs/seed-corp-enforcement.toml")));
    Files.writeString(
        dir.resolve("rules.enforcement-test.toml"),
        """
        pack = "rules.toml"

        [[cases]]
        name = "google is blocked"
        context = { common = { event_type = "http.request" }, http = { request = { host = "www.google.com" } } }
        expect = { decision = "block", rule = "http.block_google" }
        """);

    AdminProcess.Run run =
        AdminProcess.run(
            dir, "enforcement", "test", "rules.enforcement-test.toml", "--junit", "junit.xml");

    assertThat(run.exitCode()).isZero();
    assertThat(run.stdout())
        .isEqualTo("PASS google is blocked\nran 1 case(s): 1 passed, 0 failed\n");
    assertThat(run.stderr())
        .isEqualTo(
            "warn[W016] rules.toml:3:7: security.rules.http.allow_internal.if: rule"
                + " http.allow_internal is never matched by a test case or corpus event\n");
    assertThat(Files.readString(dir.resolve("junit.xml")))
        .contains("<testcase classname=\"rules\" name=\"google is blocked\" time=\"0\"/>");
  }

  private static AdminProcess.Run run(String group, Case c) throws Exception {
    List<String> args = new ArrayList<>();
    args.add(group);
    args.add(c.command());
    args.addAll(c.args());
    return AdminProcess.run(workspace, args.toArray(String[]::new));
  }

  private static String first(ObjectNode report) {
    return ((StringNode) ((ArrayNode) report.get("diagnostics")).get(0)).value();
  }
}

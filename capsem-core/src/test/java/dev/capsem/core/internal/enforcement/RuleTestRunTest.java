package dev.capsem.core.internal.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.diag.DiagnosticText;
import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.TextReport;
import dev.capsem.core.testing.Conformance;
import dev.capsem.core.testing.FixedPorts;
import dev.capsem.core.testing.Reports;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code enforcement test}: cases, E222 on a wrong decision, W016 for an unexercised rule. */
class RuleTestRunTest {

  @TempDir Path dir;

  private static final String TESTS =
      """
      pack = "corp-enforcement.toml"
      events = ["canonical.jsonl"]

      [[cases]]
      name = "github reads are allowed"
      context = { common = { event_type = "http.request" }, http = { request = { method = "GET", host = "github.com" } } }
      expect = { decision = "allow", rule = "http.allow_github" }

      [[cases]]
      name = "writes to unknown hosts are blocked"
      context.common.event_type = "http.request"
      context.http.request = { method = "POST", host = "example.com" }
      expect = { decision = "block", rule = "http.block_unknown_writes" }

      [[cases]]
      name = "reads of unknown hosts continue"
      context = { common = { event_type = "http.request" }, http = { request = { method = "GET", host = "example.com" } } }
      expect.decision = "none"
      """;

  private Outcome<TextReport> run(String tests) throws Exception {
    Files.writeString(
        dir.resolve("corp-enforcement.toml"), EnforcementEngineTest.BriefRules.BRIEF_RULES);
    Files.copy(
        Conformance.file("data/policy-context/canonical-policy-contexts.jsonl"),
        dir.resolve("canonical.jsonl"));
    Path file = dir.resolve("corp.enforcement-test.toml");
    Files.writeString(file, tests);
    return new EnforcementFlow(
            FixedPorts.create().clock(), dev.capsem.core.ports.FileAccess.local())
        .test(
            new GivenPath(file, "corp.enforcement-test.toml"),
            new GivenPath(dir.resolve("junit.xml"), "junit.xml"));
  }

  @Test
  void passingCases_areOk_andTheCorpusCountsTowardsRuleHits() throws Exception {
    Outcome<TextReport> outcome = run(TESTS);

    assertThat(outcome.ok()).isTrue();
    assertThat(outcome.value().text().lines().toList())
        .containsExactly(
            "PASS github reads are allowed",
            "PASS writes to unknown hosts are blocked",
            "PASS reads of unknown hosts continue",
            "ran 3 case(s): 3 passed, 0 failed");
    // allow_internal matches no case and no corpus event; block_google matches three events.
    assertThat(outcome.diagnostics().stream().map(DiagnosticText::compact))
        .containsExactly(
            "W016 corp-enforcement.toml:15:7: security.rules.http.allow_internal.if: rule"
                + " http.allow_internal is never matched by a test case or corpus event");
    assertThat(outcome.json())
        .contains("\"rule_id\": \"http.block_google\",\n      \"hits\": 3")
        .contains("\"rule_id\": \"http.allow_internal\",\n      \"hits\": 0");
  }

  @Test
  void wrongExpectation_isE222AndAJUnitFailure() throws Exception {
    Outcome<TextReport> outcome =
        run(TESTS.replace("expect.decision = \"none\"", "expect = { decision = \"block\" }"));

    assertThat(outcome.ok()).isFalse();
    assertThat(outcome.value().text().lines().toList())
        .contains(
            "FAIL case 'reads of unknown hosts continue': expected block, got no rule to match");
    assertThat(outcome.diagnostics().stream().map(DiagnosticText::compact))
        .contains(
            "E222 corp.enforcement-test.toml:15:1: cases.2: case 'reads of unknown hosts continue':"
                + " expected block, got no rule to match");
    assertThat(Files.readString(dir.resolve("junit.xml")))
        .startsWith(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<testsuite name=\"corp.enforcement-test.toml\" tests=\"3\" failures=\"1\""
                + " errors=\"0\" skipped=\"0\" time=\"0\">\n"
                + "  <testcase classname=\"corp-enforcement\" name=\"github reads are allowed\""
                + " time=\"0\"/>\n")
        .contains(
            "<failure type=\"E222\" message=\"case &apos;reads of unknown hosts continue&apos;:"
                + " expected block, got no rule to match\">");
  }

  @Test
  void invalidTestFile_isRefusedWithCodedFindings() throws Exception {
    Outcome<TextReport> outcome =
        run("pack = \"corp-enforcement.toml\"\n[[cases]]\nname = \"x\"\n");

    assertThat(Reports.tree(outcome)).isNull();
    assertThat(outcome.error()).isEqualTo("invalid enforcement test corp.enforcement-test.toml");
    assertThat(outcome.diagnostics().stream().map(DiagnosticText::compact))
        .containsExactly(
            "E001 corp.enforcement-test.toml:2:1: cases.0.context: Field required",
            "E001 corp.enforcement-test.toml:2:1: cases.0.expect: Field required");
  }
}

package dev.capsem.core.internal.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.diag.DiagnosticText;
import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.TextReport;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Broken enforcement files each get coded diagnostics at file:line:column, never an exception;
 * validate reports broken conditions too (D3), and the profile-rule shape gets the runtime loader's
 * checks (§3.4).
 */
class MalformedEnforcementTest {

  @TempDir Path dir;

  private final EnforcementFlow enforcement =
      new EnforcementFlow(
          dev.capsem.core.testing.FixedPorts.create().clock(),
          dev.capsem.core.ports.FileAccess.local());

  private static final String HEAD =
      """
      schema = "capsem.policy-pack.v1"
      id = "corp.broken"
      version = "1"
      status = "active"
      owner = "corp"

      [[rules]]
      id = "r1"
      name = "R1"
      event_family = "http"
      event_type = "http.request"
      """;

  private List<String> validate(String name, String text) throws Exception {
    Outcome<TextReport> result =
        enforcement.validate(new GivenPath(EnforcementEngineTest.write(dir, name, text), name));
    assertThat(result.ok()).isFalse();
    return result.diagnostics().stream().map(DiagnosticText::compact).toList();
  }

  @Nested
  class PolicyPacks {

    @Test
    void badToml_isE002AtTheParsersPositionLabelledAsAnEnforcementPack() throws Exception {
      // Issue 15, finding 10: labelled with its own kind, not upstream's "settings".
      assertThat(validate("p.toml", "id = \n"))
          .containsExactly(
              "E002 p.toml:1:6: enforcement_pack: Unexpected end of line, expected a value (at line"
                  + " 1, column 6)");
    }

    @Test
    void unknownDecision_isE005AtTheValue() throws Exception {
      assertThat(validate("p.toml", HEAD + "condition = \"true\"\ndecision = \"warn\"\n"))
          .containsExactly(
              "E005 p.toml:13:12: rules.0.decision: Input should be 'allow', 'block', 'ask' or 'rewrite'");
    }

    @Test
    void priorityOutOfRange_isE013() throws Exception {
      assertThat(
              validate(
                  "p.toml",
                  HEAD + "condition = \"true\"\ndecision = \"block\"\npriority = -1001\n"))
          .containsExactly(
              "E013 p.toml:14:12: rules.0.priority: Input should be greater than or equal to -1000");
    }

    @Test
    void priorityOfTheWrongType_isE003() throws Exception {
      assertThat(
              validate(
                  "p.toml",
                  HEAD + "condition = \"true\"\ndecision = \"block\"\npriority = \"high\"\n"))
          .containsExactly(
              "E003 p.toml:14:12: rules.0.priority: Input should be a valid integer, unable to parse"
                  + " string as an integer");
    }

    @Test
    void celSyntaxError_isE206AtTheFailingCharacter() throws Exception {
      assertThat(
              validate(
                  "p.toml", HEAD + "condition = \"http.request.host ==\"\ndecision = \"block\"\n"))
          .singleElement()
          .asString()
          .startsWith(
              "E206 p.toml:12:33: rules.0.condition: rule r1 CEL compile failed: mismatched input '<EOF>'");
    }

    @Test
    void celWrongType_isE206WithTheCheckersMessage() throws Exception {
      assertThat(
              validate(
                  "p.toml",
                  HEAD
                      + "condition = \"http.request.port.startsWith('4')\"\ndecision = \"block\"\n"))
          .singleElement()
          .asString()
          .startsWith(
              "E206 p.toml:12:42: rules.0.condition: rule r1 CEL compile failed: found no matching"
                  + " overload for 'startsWith' applied to 'wrapper(int).(string)'");
    }

    @Test
    void unknownRoot_isE205() throws Exception {
      assertThat(
              validate(
                  "p.toml", HEAD + "condition = \"request.host == 'x'\"\ndecision = \"block\"\n"))
          .containsExactly(
              "E205 p.toml:12:14: rules.0.condition: rule r1 CEL compile failed: unknown policy CEL"
                  + " root \"request\"");
    }

    @Test
    void brokenConditionInAnOtherwiseInvalidPack_isStillReported() throws Exception {
      String text =
          HEAD
              + "condition = \"event.x == 1\"\ndecision = \"block\"\n\n"
              + "[[rules]]\nid = \"r2\"\nname = \"R2\"\nevent_family = \"http\"\nevent_type = \"x\"\n"
              + "condition = \"true\"\ndecision = \"nope\"\n";

      assertThat(validate("p.toml", text))
          .containsExactly(
              "E005 p.toml:21:12: rules.1.decision: Input should be 'allow', 'block', 'ask' or 'rewrite'",
              "E203 p.toml:12:14: rules.0.condition: rule r1 uses unsupported internal event root");
    }

    @Test
    void jsonSyntaxError_isE002AtPathEmpty() throws Exception {
      assertThat(validate("p.json", "{\"id\": }"))
          .containsExactly("E002 p.json:1:8: Invalid JSON: expected value at line 1 column 8");
    }
  }

  @Nested
  class ProfileRuleShape {

    @ParameterizedTest
    @CsvSource({
      "http, dns.request, 'callback ''dns.request'' is not allowed for rule type ''http'''",
      "dns, dns.query, 'callback ''dns.query'' was renamed to ''dns.request''; use ''dns.request'''",
      "mcp, http.request, 'callback ''http.request'' is not allowed for rule type ''mcp'''",
      "model, model.read, 'callback ''model.read'' is not allowed for rule type ''model'''",
      "hook, hook.request, 'callback ''hook.request'' is not allowed for rule type ''hook'''",
    })
    void callbackNotAllowedForItsFamily_isE209(String family, String on, String message)
        throws Exception {
      String text =
          "[security.rules."
              + family
              + ".r]\non = \""
              + on
              + "\"\nif = \"true\"\ndecision = \"block\"\n";

      assertThat(validate("rules.toml", text))
          .containsExactly("E209 rules.toml:2:6: security.rules." + family + ".r.on: " + message);
    }

    @Test
    void badRuleName_isE012AtTheName() throws Exception {
      assertThat(
              validate(
                  "rules.toml",
                  "[security.rules.http.\"bad name\"]\non = \"http.request\"\nif = \"true\"\ndecision = \"allow\"\n"))
          .containsExactly(
              "E012 rules.toml:1:1: security.rules.http.bad name: rule name may only contain ASCII"
                  + " letters, digits, '-', and '_'");
    }

    @Test
    void rewriteRules_getTheRuntimesTexts() throws Exception {
      assertThat(
              validate(
                  "rules.toml",
                  """
                  [security.rules.http.a]
                  on = "http.request"
                  if = "true"
                  decision = "rewrite"
                  rewrite_target = "http.request.url"

                  [security.rules.http.b]
                  on = "http.request"
                  if = "true"
                  decision = "rewrite"

                  [security.rules.http.c]
                  on = "http.request"
                  if = "true"
                  decision = "allow"
                  strip_request_headers = ["cookie"]
                  """))
          .containsExactly(
              "E201 rules.toml:1:1: security.rules.http.a: rewrite decisions require both"
                  + " rewrite_target and rewrite_value",
              "E201 rules.toml:7:1: security.rules.http.b: rewrite decisions require rewrite_target"
                  + " and rewrite_value or header strip fields",
              "E202 rules.toml:12:1: security.rules.http.c: only rewrite decisions may include"
                  + " rewrite_target/rewrite_value or header strip fields");
    }

    @Test
    void unknownFamilyAndExtraKeys_areE011() throws Exception {
      assertThat(
              validate(
                  "rules.toml",
                  """
                  [security.capabilities]
                  network_egress = "allow"

                  [security.rules.file.x]
                  on = "file.write"
                  if = "true"
                  decision = "block"
                  """))
          .containsExactly(
              "E011 rules.toml:1:1: security.capabilities: Extra inputs are not permitted",
              "E011 rules.toml:4:1: security.rules.file: Extra inputs are not permitted");
    }

    @Test
    void priorityRange_isMinus1000To1000_bothShapes() throws Exception {
      String rule =
          "[security.rules.http.x]\non = \"http.request\"\nif = \"true\"\ndecision = \"block\"\n";

      assertThat(
              enforcement
                  .validate(
                      new GivenPath(
                          EnforcementEngineTest.write(dir, "ok.toml", rule + "priority = 1000\n"),
                          "ok.toml"))
                  .ok())
          .isTrue();
      assertThat(validate("high.toml", rule + "priority = 1001\n"))
          .containsExactly(
              "E013 high.toml:5:12: security.rules.http.x.priority: Input should be less than or"
                  + " equal to 1000");
    }

    @Test
    void badConditionInAProfileRule_isReportedByValidate() throws Exception {
      assertThat(
              validate(
                  "rules.toml",
                  "[security.rules.http.x]\non = \"http.request\"\nif = 'http.request.rawhost == \"a\"'\ndecision = \"block\"\n"))
          .containsExactly(
              "E204 rules.toml:3:7: security.rules.http.x.if: rule http.x uses unsupported policy path"
                  + " for http: http.request.rawhost");
    }
  }
}

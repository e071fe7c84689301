package dev.capsem.core.internal.enforcement;

import static dev.capsem.core.internal.enforcement.ConditionResult.MATCH;
import static dev.capsem.core.internal.enforcement.ConditionResult.NO_MATCH;
import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.diag.DiagnosticText;
import dev.capsem.core.testing.Conformance;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The compile checks of spec §2.3, one case per row, and the brief's conditions on real events. */
class ConditionCompilerTest {

  @Nested
  class CompileTable {

    @Test
    void compile_parseError_isE206WithCelsMessage() {
      assertThat(Rules.failure("http", "http.request.host =="))
          .startsWith("E206 rule r CEL compile failed: mismatched input '<EOF>'");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
        strings = {
          "event.subject.host == 'googleapis.com'",
          "subject.request.host == \"x\"",
          "event == null",
          "http.request.host == 'x' || event.subject.host.contains('google')"
        })
    void compile_internalEventRoot_isE203WithUpstreamsAdminText(String condition) {
      assertThat(Rules.failure("http", condition))
          .isEqualTo("E203 rule r uses unsupported internal event root");
    }

    @Test
    void compile_unknownRoot_isE205WithUpstreamsRuntimeText() {
      assertThat(Rules.failure("http", "request.host == 'x'"))
          .isEqualTo("E205 rule r CEL compile failed: unknown policy CEL root \"request\"");
    }

    @Test
    void compile_internalRootBeforeUnknownRoot_reportsTheInternalRootFirst() {
      assertThat(Rules.failure("http", "foo.bar == 1 && event.x == 1"))
          .isEqualTo("E203 rule r uses unsupported internal event root");
    }

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "http | http.request.raw.contains('secret') | http.request.raw",
          "http | dns.request.qname.contains('google') | dns.request.qname",
          "dns | http.request.header(\"authorization\").exists() | http.request.header",
          "http | http.foo.header('x').exists() | http.foo.header",
          "model | model.request.tool_calls[0].nme == 'x' | model.request.tool_calls[0].nme",
          "http | http.request.host.foo == 'x' | http.request.host.foo",
          "vm | http.request.host == 'x' | http.request.host",
          "process | process.exec.argv == 'x' | process.exec.argv",
        })
    void compile_undeclaredOrCrossFamilyPath_isE204NamingTheChainAsWritten(
        String family, String condition, String path) {
      assertThat(Rules.failure(family, condition))
          .isEqualTo("E204 rule r uses unsupported policy path for " + family + ": " + path);
    }

    @Test
    void compile_typeError_isE206WithTheCheckersMessage() {
      assertThat(Rules.failure("http", "http.request.port == \"443\""))
          .isEqualTo(
              "E206 rule r CEL compile failed: found no matching overload for '_==_' applied to"
                  + " '(wrapper(int), string)' (candidates: (%A0, %A0)) (condition 1:19)");
    }

    @Test
    void compile_nonBooleanCondition_isE207() {
      assertThat(Rules.failure("http", "http.request.host"))
          .isEqualTo(
              "E207 rule r CEL compile failed: condition must evaluate to bool, got wrapper(string)");
      assertThat(Rules.failure("http", "size(http.request.headers)"))
          .isEqualTo("E207 rule r CEL compile failed: condition must evaluate to bool, got int");
    }

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "common | common.event_type == 'vm.start' && common.vm_id == 'vm-1'",
          "vm | common.actor == 'vm:vm-1'",
          "http | http.request.headers.exists(k, k == 'accept')",
          "http | size(http.request.headers) > 0 && http.request.host.matches('^git')",
          "http | http.request.header('authorization') == optional.of('Bearer fixture-token')",
          "http | has(http.request.host) && http.request.port > 0",
          "process | 'bash' in process.activity.argv",
          "model | model.request.tool_calls.exists(t, t.name == 'x')",
          "mcp | mcp.response.is_error == true",
          "http | common.labels['fixture'] == 'positive'",
          "http | type(http.request.port) == int",
          "hook | common.event_type.startsWith('hook.')",
        })
    void compile_fullCelOverDeclaredPaths_compiles(String family, String condition) {
      assertThat(Rules.failure(family.equals("common") ? "vm" : family, condition))
          .isEqualTo("compiled");
    }

    @Test
    void compile_sameConditionTwice_compilesOnce() {
      ConditionCompiler compiler = new ConditionCompiler();
      Object first =
          compiler.compile(
              Rules.rule("a", "http", 1, "http.request.host == 'x'", RuleDecision.BLOCK));
      Object second =
          compiler.compile(
              Rules.rule("b", "http", 2, "http.request.host == 'x'", RuleDecision.ALLOW));

      assertThat(second).isSameAs(first);
      assertThat(compiler.cachedConditions()).isEqualTo(1);
    }
  }

  @Nested
  class BriefExamples {

    @ParameterizedTest
    @CsvSource(
        delimiter = ';',
        value = {
          "http.request.host == \"github.com\" || http.request.host.endsWith(\".githubusercontent.com\")"
              + " ; NO_MATCH,MATCH,NO_MATCH,NO_MATCH",
          "http.request.method in [\"POST\", \"PUT\", \"PATCH\", \"DELETE\"] ; MATCH,NO_MATCH,MATCH,MATCH",
          "http.request.host.endsWith(\".internal.corp.com\") ; NO_MATCH,NO_MATCH,NO_MATCH,NO_MATCH",
          "http.request.host.contains(\"google\") ; MATCH,NO_MATCH,MATCH,MATCH",
        })
    void briefCondition_canonicalEvents_givesTheSpecsResults(String condition, String expected) {
      assertThat(Rules.outcomes("http", condition, Rules.canonical()))
          .containsExactlyElementsOf(
              java.util.Arrays.stream(expected.split(",")).map(ConditionResult::valueOf).toList());
    }

    @Test
    void celFiles_onTheirCorpora_matchUpstreamsRuntime() {
      assertThat(
              Rules.outcomes(
                  "http",
                  Conformance.text("data/enforcement/cel/http-google-secret.cel"),
                  Rules.canonical()))
          .containsExactly(MATCH, NO_MATCH, NO_MATCH, NO_MATCH);
      assertThat(
              Rules.outcomes(
                  "process",
                  Conformance.text("data/enforcement/cel/process-shell-block.cel"),
                  Rules.corpus("data/policy-context/session-process-exec-block.jsonl")))
          .containsExactly(MATCH);
      assertThat(
              Rules.failure(
                  "http", Conformance.text("data/enforcement/cel/invalid-event-root.cel")))
          .isEqualTo("E203 rule r uses unsupported internal event root");
    }

    @Test
    void header_lookupIgnoresCaseAndComparesAsAnOptional() {
      assertThat(
              Rules.outcomes(
                  "http", "http.request.header('AUTHORIZATION').exists()", Rules.canonical()))
          .containsExactly(MATCH, NO_MATCH, NO_MATCH, MATCH);
      assertThat(
              Rules.outcomes(
                      "http",
                      "http.request.header('authorization') == optional.of('Bearer fixture-token')",
                      Rules.canonical())
                  .get(0))
          .isEqualTo(MATCH);
    }

    @Test
    void matchesAndSize_work() {
      assertThat(
              Rules.outcomes(
                  "http",
                  "http.request.host.matches('^google') && size(http.request.headers) == 2",
                  Rules.canonical()))
          .containsExactly(MATCH, NO_MATCH, NO_MATCH, MATCH);
    }

    @Test
    void missingHeader_onAnEmptyContext_isFalseNotAnError() {
      CompiledCondition c =
          (CompiledCondition)
              Rules.compile("http", "http.request.header('authorization').exists()");

      assertThat(
              c.evaluate(
                  dev.capsem.core.internal.policycontext.PolicyContext.fromMap(
                      java.util.Map.of(
                          "common",
                          java.util.Map.of("event_type", "http.request"),
                          "http",
                          java.util.Map.of("request", java.util.Map.of())))))
          .isEqualTo(NO_MATCH);
    }
  }

  @Nested
  class Positions {

    @Test
    void celError_inATomlBasicString_pointsAtTheCharacterInTheFile() throws Exception {
      String toml =
          """
          schema = "capsem.policy-pack.v1"
          id = "corp.x"
          version = "1"
          status = "active"
          owner = "corp"

          [[rules]]
          id = "bad"
          name = "Bad"
          event_family = "http"
          event_type = "http.request"
          condition = "http.request.host == \\"a\\" && http.request.port == \\"443\\""
          decision = "block"
          """;

      List<String> lines = compileProblems(toml, "pack.toml");

      // The '==' of the port comparison: the 47th character of the condition, which sits at
      // column 62 of line 12 once the two escaped quotes before it are counted.
      assertThat(lines)
          .containsExactly(
              "error[E206] pack.toml:12:62: rules.0.condition: rule bad CEL compile failed: found no"
                  + " matching overload for '_==_' applied to '(wrapper(int), string)' (candidates:"
                  + " (%A1, %A1)) (condition 1:47)");
    }

    @Test
    void celError_inAMultiLineLiteralString_pointsAtItsLine() throws Exception {
      String toml =
          """
          [security.rules.http.x]
          on = "http.request"
          if = '''
          http.request.host == "a" &&
            request.path == "/"'''
          decision = "block"
          """;

      assertThat(compileProblems(toml, "rules.toml"))
          .containsExactly(
              "error[E205] rules.toml:5:3: security.rules.http.x.if: rule http.x CEL compile failed:"
                  + " unknown policy CEL root \"request\"");
    }

    @Test
    void celError_inAJsonStringWithEscapes_pointsAtTheCharacterInTheFile() throws Exception {
      String json =
          "{\"id\":\"corp.x\",\"version\":\"1\",\"status\":\"active\",\"owner\":\"corp\",\"rules\":[{\"id\":\"bad\","
              + "\"name\":\"b\",\"event_family\":\"http\",\"event_type\":\"http.request\","
              + "\"condition\":\"http.request.host == \\\"a\\\" && event.x == 1\",\"decision\":\"block\"}]}";

      List<String> lines = compileProblems(json, "pack.json");

      int column = json.indexOf("event.x") + 1;
      assertThat(lines)
          .containsExactly(
              "error[E203] pack.json:1:"
                  + column
                  + ": rules.0.condition: rule bad uses unsupported internal event root");
    }

    private List<String> compileProblems(String text, String name) {
      EnforcementRead read =
          EnforcementReader.read(text.getBytes(StandardCharsets.UTF_8), name, name);
      assertThat(read.diagnostics()).isEmpty();
      return DiagnosticText.humanLines(
          PackCompilation.compile(read.pack(), new ConditionCompiler()).problems());
    }
  }
}

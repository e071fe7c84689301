package dev.capsem.core.internal.detection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.diag.DiagnosticText;
import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.TextReport;
import dev.capsem.core.testing.FixedPorts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Sigma subset Detection IR v1 can express (D15): everything else is refused with a coded
 * diagnostic that names the construct, at its line in the pack file.
 */
class SigmaCompilerTest {

  @TempDir Path dir;

  private final DetectionFlow detection =
      new DetectionFlow(FixedPorts.create().clock(), dev.capsem.core.ports.FileAccess.local());

  /** A pack whose one source embeds {@code sigma} (indented by the caller's lines). */
  static String pack(String sigma) {
    StringBuilder content = new StringBuilder();
    for (String line : sigma.split("\n", -1)) {
      content.append(line.isEmpty() ? "" : "      " + line).append('\n');
    }
    return """
        schema: capsem.detection-pack.v1
        id: corp.detections
        version: "1"
        status: active
        owner: corp
        description: Test detections.
        field_mapping:
          http:
            Host: http.request.host
            Port: http.request.port
            Truncated: http.request.body.truncated
        sources:
          - id: src-1
            type: sigma
            format: yaml
            content: |
        """
        + content;
  }

  static final String RULE =
      """
      title: Metadata endpoint access
      id: 11111111-1111-4111-8111-111111111111
      logsource:
        product: capsem
        category: http
      detection:
        selection:
          Host: 169.254.169.254
        condition: selection
      level: high""";

  private Outcome<TextReport> compile(String yaml) throws Exception {
    Path file = dir.resolve("pack.yml");
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    return detection.compile(new GivenPath(file, "pack.yml"), null);
  }

  private List<String> problems(String yaml) throws Exception {
    Outcome<TextReport> result = compile(yaml);
    assertThat(result.ok()).isFalse();
    return result.diagnostics().stream().map(DiagnosticText::compact).toList();
  }

  @Nested
  class Refused {

    @ParameterizedTest
    @CsvSource(
        delimiter = ';',
        value = {
          "'Host|contains: metadata'; E218 pack.yml:24:11: sources.0: source src-1 uses unsupported Sigma modifiers",
          "'Host|endswith: .internal'; E218 pack.yml:24:11: sources.0: source src-1 uses unsupported Sigma modifiers",
          "'Host|re: ^169'; E218 pack.yml:24:11: sources.0: source src-1 uses unsupported Sigma modifiers",
          "'Host|all: [a, b]'; E218 pack.yml:24:11: sources.0: source src-1 uses unsupported Sigma modifiers",
          "'Host|bogus: x'; E213 pack.yml:24:11: sources.0: Unknown modifier 'bogus'",
          "'Host: \"*metadata*\"'; E220 pack.yml:24:17: sources.0: unsupported Sigma string wildcard or placeholder",
          "'Host: \"169.254.169.25?\"'; E220 pack.yml:24:17: sources.0: unsupported Sigma string wildcard or placeholder",
          "'Host: \"\"'; E220 pack.yml:24:17: sources.0: unsupported Sigma string wildcard or placeholder",
          "'Host: null'; E220 pack.yml:24:17: sources.0: unsupported Sigma value type: SigmaNull",
          "'Host: 2026-05-21'; E213 pack.yml:24:17: sources.0: Unsupported type: <class 'datetime.date'>",
          "'Host: 2026-05-21 10:00:00'; E213 pack.yml:24:17: sources.0: Unsupported type: <class 'datetime.datetime'>",
          "'Path: /admin'; E219 pack.yml:24:11: sources.0: source src-1 maps unknown Sigma field 'Path' for http",
          "\"'|contains': metadata\"; E217 pack.yml:24:11: sources.0: source src-1 contains unsupported keyword detection",
        })
    void selectionItem_outsideTheSubset_isRefusedNamingTheConstruct(String item, String expected)
        throws Exception {
      assertThat(problems(pack(RULE.replace("Host: 169.254.169.254", item))))
          .containsExactly(expected);
    }

    @ParameterizedTest
    @CsvSource(
        delimiter = ';',
        value = {
          "selection and not filter",
          "1 of sel*",
          "all of them",
          "sel1 or sel2",
          "filter",
        })
    void condition_notOneSelectionName_isE215(String condition) throws Exception {
      assertThat(problems(pack(RULE.replace("condition: selection", "condition: " + condition))))
          .containsExactly(
              "E215 pack.yml:25:20: sources.0: source src-1 has unsupported Sigma condition");
    }

    @Test
    void listOfMappings_isE216OrLinking() throws Exception {
      String rule =
          RULE.replace(
              "  selection:\n    Host: 169.254.169.254",
              "  selection:\n    - Host: 169.254.169.254\n    - Host: 10.0.0.1");
      assertThat(problems(pack(rule)))
          .containsExactly(
              "E216 pack.yml:24:11: sources.0: source src-1 uses unsupported item linking");
    }

    @Test
    void keywordList_isE217() throws Exception {
      String rule =
          RULE.replace(
              "  selection:\n    Host: 169.254.169.254",
              "  selection:\n    - metadata\n    - 169.254.169.254");
      assertThat(problems(pack(rule)))
          .containsExactly(
              "E217 pack.yml:24:11: sources.0: source src-1 contains unsupported keyword detection");
    }

    @Test
    void logsourceOutsideCapsem_isE214WithPythonsRepr() throws Exception {
      assertThat(problems(pack(RULE.replace("product: capsem", "product: windows"))))
          .containsExactly(
              "E214 pack.yml:20:9: sources.0: source src-1 has unsupported Sigma logsource"
                  + " 'windows'/'http'");
      assertThat(problems(pack(RULE.replace("  category: http\n", ""))))
          .containsExactly(
              "E214 pack.yml:20:9: sources.0: source src-1 has unsupported Sigma logsource"
                  + " 'capsem'/None");
    }

    @ParameterizedTest
    @CsvSource(
        delimiter = ';',
        value = {
          "'id: 11111111-1111-4111-8111-111111111111'; 'id: not-a-uuid'; E213 pack.yml:18:11: sources.0: Sigma rule identifier must be an UUID",
          "'level: high'; 'level: severe'; E213 pack.yml:26:14: sources.0: 'severe' is not a valid Sigma rule level",
          "'title: Metadata endpoint access'; 'name: x'; E213 pack.yml:17:7: sources.0: Sigma rule must have a title",
        })
    void pySigmaRuleCheck_isE213(String from, String to, String expected) throws Exception {
      assertThat(problems(pack(RULE.replace(from, to)))).containsExactly(expected);
    }

    @Test
    void tagWithoutNamespace_isE213() throws Exception {
      assertThat(problems(pack(RULE + "\ntags:\n  - nodot")))
          .containsExactly(
              "E213 pack.yml:28:11: sources.0: Sigma tag must start with namespace separated with"
                  + " dot from remaining tag.");
    }

    @Test
    void nonSigmaAndRemoteSources_areE221() throws Exception {
      String ir = pack(RULE).replace("type: sigma\n    format: yaml", "type: ir\n    format: json");
      String remote =
          pack(RULE)
              .replaceAll("(?s)    content: \\|.*", "    url: https://example.com/rule.yml\n");

      assertThat(problems(ir))
          .containsExactly(
              "E221 pack.yml:13:5: sources.0: detection source src-1 is not a Sigma source");
      assertThat(problems(remote))
          .containsExactly(
              "E221 pack.yml:13:5: sources.0: detection source src-1 must be embedded or local");
    }

    @Test
    void unknownCollectionAction_isE213() throws Exception {
      assertThat(problems(pack("action: merge\ntitle: x\n---\n" + RULE)))
          .containsExactly(
              "E213 pack.yml:17:15: sources.0: Unknown Sigma collection action 'merge' in rule 1");
    }
  }

  @Nested
  class HostileYaml {

    @Test
    void billionLaughs_isE002_notAnOutOfMemory() throws Exception {
      StringBuilder bomb =
          new StringBuilder(
              "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
      char previous = 'a';
      for (char c = 'b'; c <= 'i'; c++) {
        bomb.append(c).append(": &").append(c).append(" [");
        for (int i = 0; i < 9; i++) {
          bomb.append(i == 0 ? "" : ",").append('*').append(previous);
        }
        bomb.append("]\n");
        previous = c;
      }
      List<String> lines = problems(pack(bomb + RULE));

      assertThat(lines).singleElement().asString().startsWith("E002 pack.yml:");
    }

    @Test
    void aliasExpansionWithinTheAliasLimit_isStoppedByTheNodeBudget() throws Exception {
      StringBuilder bomb = new StringBuilder("a0: &a0 [x, x]\n");
      for (int i = 1; i <= 24; i++) {
        bomb.append("a")
            .append(i)
            .append(": &a")
            .append(i)
            .append(" [*a")
            .append(i - 1)
            .append(", *a")
            .append(i - 1)
            .append("]\n");
      }
      assertThat(problems(pack(bomb + RULE)))
          .singleElement()
          .asString()
          .contains("E002 pack.yml:")
          .contains("YAML expands to more than 100000 values");
    }

    @Test
    void deepNesting_isE002() throws Exception {
      String deep = "x: " + "[".repeat(200) + "]".repeat(200) + "\n";
      assertThat(problems(pack(deep + RULE)))
          .singleElement()
          .asString()
          .startsWith("E002 pack.yml:");
    }

    @Test
    void deepNestingInThePackItself_isE002LabelledAsADetectionPack() throws Exception {
      Path file = dir.resolve("deep.yml");
      Files.writeString(file, "a: " + "[".repeat(500) + "]".repeat(500) + "\n");

      var result = detection.validate(new GivenPath(file, "deep.yml"));

      assertThat(result.diagnostics().stream().map(DiagnosticText::compact))
          .singleElement()
          .asString()
          .startsWith("E002 deep.yml:1:1: detection_pack: ");
    }

    @Test
    void yamlSyntaxErrorInSigma_isE002AtItsLine() throws Exception {
      assertThat(problems(pack(RULE.replace("level: high", "level: [high"))))
          .singleElement()
          .asString()
          .startsWith("E002 pack.yml:");
    }
  }

  @Nested
  class Compiled {

    @Test
    void multiRuleCollection_withGlobalAndRepeat_givesSlugIds() throws Exception {
      String sigma =
          """
          action: global
          logsource:
            product: capsem
            category: http
          detection:
            condition: selection
          level: low
          ---
          title: First rule!
          detection:
            selection:
              Host: a.example
          ---
          action: repeat
          title: Second
          id: 22222222-2222-4222-8222-222222222222
          detection:
            selection:
              Host: b.example
              Port: [443, 8443]
              Truncated: false
          """;

      Outcome<TextReport> result = compile(pack(sigma));

      assertThat(result.ok()).isTrue();
      assertThat(result.value().text())
          .contains("\"id\": \"src-1.first-rule\"")
          .contains("\"id\": \"src-1.22222222-2222-4222-8222-222222222222\"")
          .contains("\"severity\": \"low\"")
          .contains("443,\n")
          .contains("false\n");
    }

    @ParameterizedTest
    @CsvSource(
        delimiter = ';',
        value = {
          "443.0; 443",
          "6.0e+2; 600",
          "-0.0; 0",
          "1.0e+20; 100000000000000000000",
          "2.5; 2.5"
        })
    void wholeFloat_isAnIntegerInTheIrAsPySigmaHasIt(String yaml, String ir) throws Exception {
      // Issue 15, difference 1 (D21): pySigma's SigmaNumber keeps 443.0 as the integer 443.
      Outcome<TextReport> result =
          compile(pack(RULE.replace("Host: 169.254.169.254", "Port: " + yaml)));

      assertThat(result.ok()).isTrue();
      assertThat(result.value().text()).contains("\"values\": [\n" + " ".repeat(12) + ir + "\n");
    }

    @Test
    void escapedWildcards_areLiteral() throws Exception {
      Outcome<TextReport> result =
          compile(pack(RULE.replace("Host: 169.254.169.254", "Host: 'a\\*b\\?c\\\\d\\e'")));

      assertThat(result.ok()).isTrue();
      assertThat(result.value().text()).contains("\"a*b?c\\\\d\\\\e\"");
    }

    @Test
    void localSigmaFile_isReadFromThePacksFolder() throws Exception {
      Files.writeString(dir.resolve("rule.yml"), RULE + "\n");
      String yaml = pack(RULE).replaceAll("(?s)    content: \\|.*", "    path: rule.yml\n");

      assertThat(compile(yaml).ok()).isTrue();
    }

    @Test
    void ruleIdSlug_isCutTo128AndTrimmed() {
      assertThat(SigmaCompiler.ruleId("src", "  Hello, World!!  ")).isEqualTo("src.hello-world");
      assertThat(SigmaCompiler.ruleId("src", "!!!")).isEqualTo("src.rule");
      assertThat(SigmaCompiler.ruleId("s", "a".repeat(200))).hasSize(128);
    }
  }
}

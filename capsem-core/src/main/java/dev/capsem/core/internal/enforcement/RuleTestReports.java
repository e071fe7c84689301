package dev.capsem.core.internal.enforcement;

import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.BooleanNode;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.report.DiagnosticJson;
import dev.capsem.core.internal.report.PythonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rule-test report ({@code capsem.enforcement-test.v1}) and its JUnit XML form, which CI
 * dashboards (Jenkins, GitLab, GitHub test reporters) show case by case.
 */
public final class RuleTestReports {

  private RuleTestReports() {}

  /**
   * {@code {schema, ok, path, pack_id, pack_version, case_count, failure_count, cases, rule_hits,
   * diagnostics}}.
   */
  public static ObjectNode json(String pathArgument, RuleTestRun run, boolean ok) {
    List<Node> cases = new ArrayList<>();
    for (RuleTestRun.CaseResult result : run.results()) {
      RuleTestSuite.Case c = result.testCase();
      ObjectNode.Builder item =
          ObjectNode.builder()
              .put("name", c.name())
              .put("ok", BooleanNode.of(result.passed()))
              .put("expected", outcome(c.expectedDecision(), c.expectedRule()))
              .put("actual", outcome(result.actualDecision(), result.actualRule()));
      if (result.failure() != null) {
        item.put("message", result.failure());
      }
      cases.add(item.build());
    }
    List<Node> hits = new ArrayList<>();
    for (Map.Entry<String, Integer> hit : run.hits().entrySet()) {
      hits.add(
          ObjectNode.builder().put("rule_id", hit.getKey()).put("hits", hit.getValue()).build());
    }
    return ObjectNode.builder()
        .put("schema", RuleTestSuite.SCHEMA)
        .put("ok", BooleanNode.of(ok))
        .put("path", PythonPath.normalize(pathArgument))
        .put("pack_id", run.pack().id())
        .put("pack_version", run.pack().version())
        .put("case_count", run.results().size())
        .put("failure_count", run.failures())
        .put("cases", ArrayNode.of(cases))
        .put("rule_hits", ArrayNode.of(hits))
        .put("diagnostics", DiagnosticJson.array(run.diagnostics()))
        .build();
  }

  private static ObjectNode outcome(String decision, String rule) {
    ObjectNode.Builder out = ObjectNode.builder().put("decision", decision);
    if (rule != null) {
      out.put("rule", rule);
    }
    return out.build();
  }

  /**
   * One {@code <testsuite>} named after the test file, one {@code <testcase>} per case (class name:
   * the pack id), a {@code <failure>} for each failed case. Times are 0: the file is deterministic.
   */
  public static String junitXml(String suiteName, RuleTestRun run) {
    StringBuilder out = new StringBuilder();
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.append("<testsuite name=\"")
        .append(escape(suiteName))
        .append("\" tests=\"")
        .append(run.results().size())
        .append("\" failures=\"")
        .append(run.failures())
        .append("\" errors=\"0\" skipped=\"0\" time=\"0\">\n");
    for (RuleTestRun.CaseResult result : run.results()) {
      out.append("  <testcase classname=\"")
          .append(escape(run.pack().id()))
          .append("\" name=\"")
          .append(escape(result.testCase().name()))
          .append("\" time=\"0\"");
      if (result.passed()) {
        out.append("/>\n");
      } else {
        out.append(">\n    <failure type=\"E222\" message=\"")
            .append(escape(result.failure()))
            .append("\">")
            .append(escape(result.failure()))
            .append("</failure>\n  </testcase>\n");
      }
    }
    out.append("</testsuite>\n");
    return out.toString();
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
            out.append('\uFFFD'); // XML 1.0 cannot carry other control characters at all
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}

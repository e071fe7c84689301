package dev.capsem.core.internal.report;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.Position;
import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import java.util.List;
import java.util.Set;

/**
 * Compares a backtest or check report with the report a project expects (upstream keeps such files
 * next to their data, as {@code backtest-expected/*.json}): the run-dependent {@code timing} and
 * our additions ({@code diagnostic_details}, the coded fields of each diagnostic) are left out,
 * then the indented texts must be equal. A difference is E223 at the first differing line.
 */
public final class ExpectedReports {

  private static final Set<String> LEFT_OUT = Set.of("timing", "diagnostic_details");
  private static final Set<String> CODED_FIELDS = Set.of("code", "severity", "line", "column");

  private ExpectedReports() {}

  /** The comparable text of a report: indented, one trailing newline. */
  public static String comparable(ObjectNode report) {
    return JsonPrinter.pretty().printLine(strip(report));
  }

  /** No diagnostic when {@code actual} is {@code expectedText}; else E223 in {@code shown}. */
  public static List<Diagnostic> compare(ObjectNode actual, String expectedText, String shown) {
    String ours = comparable(actual);
    String theirs = expectedText.endsWith("\n") ? expectedText : expectedText + "\n";
    if (ours.equals(theirs)) {
      return List.of();
    }
    String[] a = ours.split("\n", -1);
    String[] b = theirs.split("\n", -1);
    int line = 0;
    while (line < a.length && line < b.length && a[line].equals(b[line])) {
      line++;
    }
    String expected = line < b.length ? member(b[line]) : "(end of file)";
    String got = line < a.length ? member(a[line]) : "(end of report)";
    return List.of(
        new Diagnostic(
            Code.E223,
            shown,
            "",
            new Position(line + 1, 1),
            "report differs from the expected report at line "
                + (line + 1)
                + ": expected "
                + expected
                + ", got "
                + got));
  }

  /** One line of indented JSON as it reads: no indentation, no separating comma. */
  private static String member(String line) {
    String text = line.strip();
    return text.endsWith(",") ? text.substring(0, text.length() - 1) : text;
  }

  private static Node strip(Node node) {
    if (node instanceof ObjectNode object) {
      ObjectNode.Builder out = ObjectNode.builder();
      for (ObjectNode.Member member : object.entries()) {
        if (!LEFT_OUT.contains(member.key())) {
          out.put(member.key(), strip(member.value()));
        }
      }
      return out.build();
    }
    if (node instanceof ArrayNode array) {
      return ArrayNode.of(array.items().stream().map(ExpectedReports::stripDiagnostic).toList());
    }
    return node;
  }

  private static Node stripDiagnostic(Node item) {
    if (item instanceof ObjectNode object && object.has("message") && object.has("code")) {
      ObjectNode.Builder out = ObjectNode.builder();
      for (ObjectNode.Member member : object.entries()) {
        if (!CODED_FIELDS.contains(member.key())) {
          out.put(member.key(), member.value());
        }
      }
      return out.build();
    }
    return strip(item);
  }
}

package dev.capsem.core.testing;

import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import java.util.Set;

/**
 * How our reports are compared with upstream's (spec index, "comparison conventions"): drop the
 * four fields D4 adds to each diagnostic, the {@code diagnostic_details} array that reports with
 * string diagnostics add, and {@code timing}, which upstream's expected files leave out; then the
 * text must be identical.
 */
public final class ReportComparison {

  private static final Set<String> OUR_DIAGNOSTIC_FIELDS =
      Set.of("code", "severity", "line", "column");

  /** Report members that are ours, or that upstream's expected files leave out. */
  private static final Set<String> LEFT_OUT = Set.of("diagnostic_details", "timing");

  private ReportComparison() {}

  /** The report as upstream would print it: indented, one trailing newline. */
  public static String asUpstream(ObjectNode report) {
    return JsonPrinter.pretty().printLine(withoutOurFields(report));
  }

  public static ObjectNode withoutOurFields(ObjectNode report) {
    ObjectNode.Builder out = ObjectNode.builder();
    for (ObjectNode.Member member : report.entries()) {
      if (LEFT_OUT.contains(member.key())) {
        continue;
      }
      Node value = member.value();
      if (member.key().equals("diagnostics") && value instanceof ArrayNode array) {
        value =
            ArrayNode.of(array.items().stream().map(ReportComparison::stripDiagnostic).toList());
      }
      out.put(member.key(), value);
    }
    return out.build();
  }

  private static Node stripDiagnostic(Node diagnostic) {
    if (!(diagnostic instanceof ObjectNode object)) {
      return diagnostic;
    }
    ObjectNode.Builder out = ObjectNode.builder();
    for (ObjectNode.Member member : object.entries()) {
      if (!OUR_DIAGNOSTIC_FIELDS.contains(member.key())) {
        out.put(member.key(), member.value());
      }
    }
    return out.build();
  }
}

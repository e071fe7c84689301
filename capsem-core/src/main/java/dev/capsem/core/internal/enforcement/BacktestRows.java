package dev.capsem.core.internal.enforcement;

import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.policycontext.EventRef;
import java.util.Map;

/**
 * Prints backtest rows straight into text, exactly as {@link EnforcementReports#row} printed by
 * {@link JsonPrinter#pretty()} as an item of the report's {@code rows}, without a tree per row: a
 * backtest prints a row for about every other event, and building each as an object tree was a
 * fifth of a million-event run. What belongs to the rule (its id, the pack, its decision, its
 * reason) is printed once per rule, by the tree printer itself. Immutable and thread-safe.
 */
final class BacktestRows {

  private static final int ROW_LEVEL = 2;
  private static final String MEMBER = "\n      ";
  private static final String NESTED_MEMBER = "\n        ";

  private final JsonPrinter printer = JsonPrinter.pretty();
  // By the rule's position in the pack: ",\n      \"rule_id\": ...,\n      \"decision\":
  // \"block\"".
  private final String[] ruleMembers;

  BacktestRows(EnforcementPack pack) {
    ruleMembers = new String[pack.rules().size()];
    for (int i = 0; i < ruleMembers.length; i++) {
      EnforcementRule rule = pack.rules().get(i);
      ObjectNode.Builder members =
          ObjectNode.builder()
              .put("rule_id", rule.id())
              .put("pack_id", pack.id())
              .put("decision", rule.decision().wireName());
      if (rule.reason() != null) {
        members.put("reason", rule.reason());
      }
      StringBuilder printed = new StringBuilder();
      printer.append(members.build(), ROW_LEVEL, printed);
      // Between the object's braces, without the newline that closes it.
      ruleMembers[i] = "," + printed.substring(1, printed.lastIndexOf("\n"));
    }
  }

  /** Appends the row of {@code ref} matched by the rule at {@code ruleIndex} in the pack. */
  void append(EventRef ref, int ruleIndex, Map<String, Object> matchedFields, StringBuilder out) {
    out.append('{').append(MEMBER).append("\"event_ref\": {").append(NESTED_MEMBER);
    out.append("\"corpus\": ");
    text(ref.corpus(), out);
    out.append(',').append(NESTED_MEMBER).append("\"session_id\": ");
    text(ref.sessionId(), out);
    out.append(',').append(NESTED_MEMBER).append("\"event_id\": ");
    text(ref.eventId(), out);
    out.append(',').append(NESTED_MEMBER).append("\"sequence\": ").append(ref.sequence());
    out.append(',').append(NESTED_MEMBER).append("\"timestamp_unix_ms\": ");
    out.append(ref.timestampUnixMs()).append(MEMBER).append('}');
    out.append(ruleMembers[ruleIndex]);
    out.append(',').append(MEMBER).append("\"matched_fields\": ");
    if (matchedFields.isEmpty()) {
      out.append("{}");
    } else {
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, Object> field : matchedFields.entrySet()) {
        out.append(first ? "" : ",").append(NESTED_MEMBER);
        first = false;
        text(field.getKey(), out);
        out.append(": ");
        printer.append(EnforcementReports.scalar(field.getValue()), ROW_LEVEL + 2, out);
      }
      out.append(MEMBER).append('}');
    }
    out.append("\n    }");
  }

  private void text(String value, StringBuilder out) {
    printer.appendString(value, out);
  }
}

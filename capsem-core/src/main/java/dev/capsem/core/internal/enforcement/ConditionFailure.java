package dev.capsem.core.internal.enforcement;

import dev.capsem.core.diag.Code;
import java.util.Objects;

/**
 * Why a condition does not compile, independent of the rule it belongs to: the code, the text that
 * follows {@code rule <id> } in a report, and where in the condition (a UTF-16 index, or -1).
 */
record ConditionFailure(Code code, String detail, int offset) {

  ConditionFailure {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(detail, "detail");
  }

  /** The report text: {@code rule <id> <detail>}. */
  String message(String ruleId) {
    return "rule " + ruleId + " " + detail;
  }
}

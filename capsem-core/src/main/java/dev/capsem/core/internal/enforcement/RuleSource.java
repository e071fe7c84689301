package dev.capsem.core.internal.enforcement;

import dev.capsem.core.diag.Position;

/**
 * Where a rule's condition was written: the file, upstream's dotted location of the condition
 * ({@code rules.0.condition}, {@code security.rules.http.x.if}), and how to find a character of it.
 */
record RuleSource(String file, String conditionPath, ConditionLocator locator) {

  static final RuleSource NOWHERE = new RuleSource(null, "", ConditionLocator.NOWHERE);

  Position at(int index) {
    return locator.at(index);
  }
}

package dev.capsem.core.testing;

import dev.capsem.core.diag.Outcome;
import dev.capsem.core.internal.json.IntegerNode;
import dev.capsem.core.internal.json.JsonDialect;
import dev.capsem.core.internal.json.JsonReader;
import dev.capsem.core.internal.json.JsonSyntaxException;
import dev.capsem.core.internal.json.ObjectNode;

/** An outcome's report read back as a tree, for tests that compare it with upstream's. */
public final class Reports {

  private Reports() {}

  /** The value's report, parsed; null when the outcome has no value. */
  public static ObjectNode tree(Outcome<?> outcome) {
    if (outcome.value() == null) {
      return null;
    }
    try {
      return (ObjectNode) JsonReader.read(outcome.value().json(), JsonDialect.PYTHON);
    } catch (JsonSyntaxException e) {
      throw new AssertionError("the report is not JSON: " + e.getMessage(), e);
    }
  }

  /** A count of the report ({@code event_count}, {@code rule_count}, ...). */
  public static long count(Outcome<?> outcome, String key) {
    return ((IntegerNode) tree(outcome).get(key)).value().longValueExact();
  }
}

package dev.capsem.core.internal.detection;

import dev.capsem.core.internal.json.BooleanNode;
import dev.capsem.core.internal.json.FloatNode;
import dev.capsem.core.internal.json.IntegerNode;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.StringNode;
import dev.capsem.core.internal.policycontext.EventFamily;
import dev.capsem.core.internal.policycontext.PolicyContextFixture;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs Detection IR over events (spec §4.4): every rule on every event (no first match); a rule
 * matches when the event's family is the rule's and every matcher's value is among its values by
 * Python's equality ({@code 1 == 1.0}, {@code True == 1}, a string never equals a number).
 */
public final class DetectionCheck {

  /** One finding: the event, the rule, and the fields it matched on, in matcher order. */
  public record Finding(
      PolicyContextFixture fixture, DetectionIr.Rule rule, Map<String, Object> fields) {}

  private DetectionCheck() {}

  public static List<Finding> run(DetectionIr ir, List<PolicyContextFixture> fixtures) {
    List<Finding> findings = new ArrayList<>();
    for (PolicyContextFixture fixture : fixtures) {
      EventFamily family = fixture.context().family();
      for (DetectionIr.Rule rule : ir.rules()) {
        if (family == null || !family.wireName().equals(rule.eventFamily())) {
          continue;
        }
        Map<String, Object> matched = matches(rule, fixture);
        if (matched != null) {
          findings.add(new Finding(fixture, rule, matched));
        }
      }
    }
    return findings;
  }

  private static Map<String, Object> matches(DetectionIr.Rule rule, PolicyContextFixture fixture) {
    Map<String, Object> matched = new LinkedHashMap<>();
    for (DetectionIr.Matcher matcher : rule.matchers()) {
      Object value = fixture.context().scalar(matcher.fieldPath());
      if (value == null || !anyEqual(value, matcher.values())) {
        return null;
      }
      matched.put(matcher.fieldPath(), value);
    }
    return Collections.unmodifiableMap(matched);
  }

  private static boolean anyEqual(Object value, List<Node> values) {
    for (Node candidate : values) {
      if (pythonEquals(value, candidate)) {
        return true;
      }
    }
    return false;
  }

  /** Python's {@code ==} between a context scalar and an IR value. */
  static boolean pythonEquals(Object value, Node candidate) {
    if (value instanceof String s) {
      return candidate instanceof StringNode c && c.value().equals(s);
    }
    if (candidate instanceof StringNode) {
      return false;
    }
    Object a = number(value);
    Object b = number(candidate);
    if (a == null || b == null) {
      return false;
    }
    if (a instanceof BigInteger x && b instanceof BigInteger y) {
      return x.equals(y);
    }
    double da = a instanceof Double d ? d : Double.NaN;
    double db = b instanceof Double d ? d : Double.NaN;
    if ((a instanceof Double && (da != da || Double.isInfinite(da)))
        || (b instanceof Double && (db != db || Double.isInfinite(db)))) {
      return a instanceof Double && b instanceof Double && da == db;
    }
    return decimal(a).compareTo(decimal(b)) == 0;
  }

  private static Object number(Object value) {
    if (value instanceof Boolean b) {
      return b ? BigInteger.ONE : BigInteger.ZERO;
    }
    if (value instanceof Long l) {
      return BigInteger.valueOf(l);
    }
    if (value instanceof Double d) {
      return d;
    }
    if (value instanceof BooleanNode b) {
      return b.value() ? BigInteger.ONE : BigInteger.ZERO;
    }
    if (value instanceof IntegerNode i) {
      return i.value();
    }
    if (value instanceof FloatNode f) {
      return f.value();
    }
    return null;
  }

  private static BigDecimal decimal(Object number) {
    return number instanceof BigInteger i ? new BigDecimal(i) : new BigDecimal((Double) number);
  }
}

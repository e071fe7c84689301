package dev.capsem.core.internal.schema;

import dev.capsem.core.diag.Code;
import dev.capsem.core.internal.json.BooleanNode;
import dev.capsem.core.internal.json.FloatNode;
import dev.capsem.core.internal.json.IntegerNode;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.json.StringNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * An integer with Pydantic's lax input: whole floats ({@code 8192.0}), numeric strings with
 * surrounding spaces ({@code " 4 "}, {@code "4.0"}) and booleans are accepted. Values are unbounded
 * as in Python, but must fit a Java {@code long}.
 */
public final class IntSchema extends Schema {

  private static final Pattern INTEGER_TEXT = Pattern.compile("[+-]?[0-9]+(\\.0*)?");
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private final BigInteger min;
  private final BigInteger max;

  IntSchema(BigInteger min, BigInteger max) {
    this.min = min;
    this.max = max;
  }

  /** Pydantic's {@code ge}. */
  public IntSchema atLeast(long bound) {
    return new IntSchema(BigInteger.valueOf(bound), max);
  }

  /** Pydantic's {@code le}. */
  public IntSchema atMost(long bound) {
    return new IntSchema(min, BigInteger.valueOf(bound));
  }

  @Override
  public Node check(Node input, SchemaPath path, Issues issues) {
    BigInteger value = coerce(input, path, issues);
    if (value == null) {
      return null;
    }
    BigInteger lower = min == null ? LONG_MIN : min.max(LONG_MIN);
    BigInteger upper = max == null ? LONG_MAX : max.min(LONG_MAX);
    if (value.compareTo(lower) < 0) {
      issues.add(
          path, input.position(), Code.E013, "Input should be greater than or equal to " + lower);
      return null;
    }
    if (value.compareTo(upper) > 0) {
      issues.add(
          path, input.position(), Code.E013, "Input should be less than or equal to " + upper);
      return null;
    }
    return new IntegerNode(value, input.position());
  }

  @Override
  ObjectNode jsonSchema(JsonSchemaDefinitions definitions) {
    ObjectNode.Builder out = ObjectNode.builder().put("type", "integer");
    if (min != null) {
      out.put("minimum", new IntegerNode(min, null));
    }
    if (max != null) {
      out.put("maximum", new IntegerNode(max, null));
    }
    return out.build();
  }

  private static BigInteger coerce(Node input, SchemaPath path, Issues issues) {
    if (input instanceof IntegerNode integer) {
      return integer.value();
    }
    if (input instanceof BooleanNode bool) {
      return bool.value() ? BigInteger.ONE : BigInteger.ZERO;
    }
    if (input instanceof FloatNode number) {
      double value = number.value();
      if (Double.isNaN(value) || Double.isInfinite(value)) {
        issues.add(path, input.position(), TYPE, "Input should be a finite number");
        return null;
      }
      if (value != Math.rint(value)) {
        issues.add(
            path,
            input.position(),
            TYPE,
            "Input should be a valid integer, got a number with a fractional part");
        return null;
      }
      return new BigDecimal(value).toBigIntegerExact();
    }
    if (input instanceof StringNode string) {
      String text = string.value().strip();
      if (!INTEGER_TEXT.matcher(text).matches()) {
        issues.add(
            path,
            input.position(),
            TYPE,
            "Input should be a valid integer, unable to parse string as an integer");
        return null;
      }
      int dot = text.indexOf('.');
      return new BigInteger(dot < 0 ? text : text.substring(0, dot));
    }
    issues.add(path, input.position(), TYPE, typeMismatch("a valid integer"));
    return null;
  }
}

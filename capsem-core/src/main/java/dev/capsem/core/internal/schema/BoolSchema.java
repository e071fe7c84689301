package dev.capsem.core.internal.schema;

import dev.capsem.core.internal.json.BooleanNode;
import dev.capsem.core.internal.json.FloatNode;
import dev.capsem.core.internal.json.IntegerNode;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.json.StringNode;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Set;

/** A boolean with Pydantic's lax input: {@code 0/1}, {@code 0.0/1.0} and words like "yes"/"off". */
final class BoolSchema extends Schema {

  private static final Set<String> TRUE_WORDS = Set.of("true", "yes", "on", "1", "t", "y");
  private static final Set<String> FALSE_WORDS = Set.of("false", "no", "off", "0", "f", "n");
  private static final String UNINTERPRETABLE =
      "Input should be a valid boolean, unable to interpret input";

  @Override
  public Node check(Node input, SchemaPath path, Issues issues) {
    Boolean value = null;
    String problem = typeMismatch("a valid boolean");
    if (input instanceof BooleanNode bool) {
      value = bool.value();
    } else if (input instanceof IntegerNode integer) {
      if (integer.value().equals(BigInteger.ONE)) {
        value = true;
      } else if (integer.value().signum() == 0) {
        value = false;
      } else {
        problem = UNINTERPRETABLE;
      }
    } else if (input instanceof FloatNode number) {
      if (number.value() == 1.0) {
        value = true;
      } else if (number.value() == 0.0) {
        value = false;
      }
    } else if (input instanceof StringNode string) {
      String word = string.value().toLowerCase(Locale.ROOT);
      if (TRUE_WORDS.contains(word)) {
        value = true;
      } else if (FALSE_WORDS.contains(word)) {
        value = false;
      } else {
        problem = UNINTERPRETABLE;
      }
    }
    if (value == null) {
      issues.add(path, input.position(), TYPE, problem);
      return null;
    }
    return new BooleanNode(value, input.position());
  }

  @Override
  ObjectNode jsonSchema(JsonSchemaDefinitions definitions) {
    return ObjectNode.builder().put("type", "boolean").build();
  }
}

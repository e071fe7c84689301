package dev.capsem.core.internal.schema;

import dev.capsem.core.diag.Code;
import dev.capsem.core.internal.json.FloatNode;
import dev.capsem.core.internal.json.IntegerNode;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import java.math.BigInteger;

/**
 * A literal integer such as a format {@code version}: {@code 2} and {@code 2.0} pass, "2" does not.
 */
final class IntLiteralSchema extends Schema {

  private final long expected;

  IntLiteralSchema(long expected) {
    this.expected = expected;
  }

  @Override
  public Node check(Node input, SchemaPath path, Issues issues) {
    boolean matches =
        (input instanceof IntegerNode integer
                && integer.value().equals(BigInteger.valueOf(expected)))
            || (input instanceof FloatNode number && number.value() == expected);
    if (!matches) {
      issues.add(path, input.position(), Code.E005, "Input should be " + expected);
      return null;
    }
    return new IntegerNode(BigInteger.valueOf(expected), input.position());
  }

  @Override
  ObjectNode jsonSchema(JsonSchemaDefinitions definitions) {
    return ObjectNode.builder().put("const", expected).put("type", "integer").build();
  }
}

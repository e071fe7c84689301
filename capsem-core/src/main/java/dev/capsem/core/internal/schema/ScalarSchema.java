package dev.capsem.core.internal.schema;

import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.BooleanNode;
import dev.capsem.core.internal.json.FloatNode;
import dev.capsem.core.internal.json.IntegerNode;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.json.StringNode;
import java.util.List;

/**
 * Pydantic's {@code str | int | float | bool} in smart mode: a JSON scalar is taken as the member
 * of its own type, so it is kept exactly as given.
 */
final class ScalarSchema extends Schema {

  @Override
  public Node check(Node input, SchemaPath path, Issues issues) {
    if (input instanceof StringNode
        || input instanceof IntegerNode
        || input instanceof FloatNode
        || input instanceof BooleanNode) {
      return input;
    }
    issues.add(path, input.position(), TYPE, "Input should be a valid string, number or boolean");
    return null;
  }

  @Override
  ObjectNode jsonSchema(JsonSchemaDefinitions definitions) {
    return ObjectNode.builder()
        .put(
            "anyOf",
            ArrayNode.of(
                List.of(
                    ObjectNode.builder().put("type", "string").build(),
                    ObjectNode.builder().put("type", "integer").build(),
                    ObjectNode.builder().put("type", "number").build(),
                    ObjectNode.builder().put("type", "boolean").build())))
        .build();
  }
}

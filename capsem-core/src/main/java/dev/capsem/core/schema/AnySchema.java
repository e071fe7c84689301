package dev.capsem.core.schema;

import dev.capsem.core.json.Node;
import dev.capsem.core.json.ObjectNode;

/** Any JSON value, kept as it is. */
final class AnySchema extends Schema {

  @Override
  public Node check(Node input, SchemaPath path, Issues issues) {
    return input;
  }

  @Override
  ObjectNode jsonSchema(JsonSchemaDefinitions definitions) {
    return ObjectNode.empty();
  }
}

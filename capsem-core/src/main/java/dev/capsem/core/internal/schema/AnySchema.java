package dev.capsem.core.internal.schema;

import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;

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

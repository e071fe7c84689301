package dev.capsem.core.internal.schema;

import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import java.util.function.Function;

/** A schema followed by a custom check (see {@link Schema#then}); JSON Schema cannot show it. */
final class CheckedSchema extends Schema {

  private final Schema inner;
  private final Function<Node, Refusal> check;

  CheckedSchema(Schema inner, Function<Node, Refusal> check) {
    this.inner = inner;
    this.check = check;
  }

  @Override
  public Node check(Node input, SchemaPath path, Issues issues) {
    Node value = inner.check(input, path, issues);
    if (value == null) {
      return null;
    }
    Refusal refusal = check.apply(value);
    if (refusal != null) {
      issues.add(path, input.position(), refusal);
      return null;
    }
    return value;
  }

  @Override
  ObjectNode jsonSchema(JsonSchemaDefinitions definitions) {
    return inner.jsonSchema(definitions);
  }

  @Override
  boolean isDefinition() {
    return inner.isDefinition();
  }
}

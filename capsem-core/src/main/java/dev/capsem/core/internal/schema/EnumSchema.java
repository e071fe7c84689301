package dev.capsem.core.internal.schema;

import dev.capsem.core.diag.Code;
import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.json.StringNode;
import java.util.List;

/**
 * One of a fixed set of strings, matched exactly (case matters). Declared either inline, like a
 * Pydantic {@code Literal}, or as a named enum class ({@code className} set), which only changes
 * how a JSON Schema describes it.
 */
final class EnumSchema extends Schema {

  private final List<String> values;
  private final Code code;
  private final String className;

  EnumSchema(List<String> values, Code code, String className) {
    this.values = List.copyOf(values);
    this.code = code;
    this.className = className;
  }

  @Override
  public Node check(Node input, SchemaPath path, Issues issues) {
    if (input instanceof StringNode string && values.contains(string.value())) {
      return new StringNode(string.value(), input.position());
    }
    issues.add(path, input.position(), code, "Input should be " + choices(values));
    return null;
  }

  @Override
  ObjectNode jsonSchema(JsonSchemaDefinitions definitions) {
    if (className != null) {
      return definitions.reference(
          className,
          this,
          () ->
              ObjectNode.builder()
                  .put("enum", ArrayNode.ofStrings(values))
                  .put("title", className)
                  .put("type", "string")
                  .build());
    }
    ObjectNode.Builder literal = ObjectNode.builder();
    if (values.size() == 1) {
      literal.put("const", values.get(0));
    } else {
      literal.put("enum", ArrayNode.ofStrings(values));
    }
    return literal.put("type", "string").build();
  }

  @Override
  boolean isDefinition() {
    return className != null;
  }
}

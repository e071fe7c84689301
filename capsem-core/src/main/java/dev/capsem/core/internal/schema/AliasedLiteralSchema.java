package dev.capsem.core.internal.schema;

import dev.capsem.core.diag.Code;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.json.StringNode;
import java.util.List;

/**
 * A string literal with accepted aliases: {@code capsem.enforcement-pack.v1} reads as {@code
 * capsem.policy-pack.v1} (D2), while schemas and messages keep naming the canonical value.
 */
final class AliasedLiteralSchema extends Schema {

  private final String value;
  private final List<String> aliases;

  AliasedLiteralSchema(String value, List<String> aliases) {
    this.value = value;
    this.aliases = List.copyOf(aliases);
  }

  @Override
  public Node check(Node input, SchemaPath path, Issues issues) {
    if (input instanceof StringNode string
        && (string.value().equals(value) || aliases.contains(string.value()))) {
      return new StringNode(value, input.position());
    }
    issues.add(path, input.position(), Code.E005, "Input should be " + choices(List.of(value)));
    return null;
  }

  @Override
  ObjectNode jsonSchema(JsonSchemaDefinitions definitions) {
    return ObjectNode.builder().put("const", value).put("type", "string").build();
  }
}

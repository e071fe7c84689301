package dev.capsem.core.schema;

import dev.capsem.core.diag.Code;
import dev.capsem.core.json.Node;
import dev.capsem.core.json.StringNode;
import java.util.List;

/** One of a fixed set of strings, matched exactly (case matters). */
final class EnumSchema extends Schema {

  private final List<String> values;
  private final Code code;

  EnumSchema(List<String> values, Code code) {
    this.values = List.copyOf(values);
    this.code = code;
  }

  @Override
  public Node check(Node input, SchemaPath path, Issues issues) {
    if (input instanceof StringNode string && values.contains(string.value())) {
      return new StringNode(string.value(), input.position());
    }
    issues.add(path, input.position(), code, "Input should be " + choices(values));
    return null;
  }
}

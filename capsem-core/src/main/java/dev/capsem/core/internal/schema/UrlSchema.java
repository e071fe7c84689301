package dev.capsem.core.internal.schema;

import dev.capsem.core.diag.Code;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.json.StringNode;

/** A URL of any scheme, parsed and normalised by WHATWG rules as Pydantic's {@code AnyUrl} is. */
final class UrlSchema extends Schema {

  @Override
  public Node check(Node input, SchemaPath path, Issues issues) {
    if (!(input instanceof StringNode string)) {
      issues.add(path, input.position(), TYPE, "URL input should be a string or URL");
      return null;
    }
    WebUrl.Parsed parsed = WebUrl.parse(string.value());
    if (parsed.error() != null) {
      issues.add(
          path, input.position(), Code.E015, "Input should be a valid URL, " + parsed.error());
      return null;
    }
    return new StringNode(parsed.serialized(), input.position());
  }

  /** Pydantic's {@code AnyUrl}: a non-empty string in URI format. */
  @Override
  ObjectNode jsonSchema(JsonSchemaDefinitions definitions) {
    return ObjectNode.builder()
        .put("type", "string")
        .put("format", "uri")
        .put("minLength", 1)
        .build();
  }
}

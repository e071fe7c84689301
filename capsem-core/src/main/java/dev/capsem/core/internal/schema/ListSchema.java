package dev.capsem.core.internal.schema;

import dev.capsem.core.diag.Code;
import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** A list whose items share one schema; item errors are located by index. */
public final class ListSchema extends Schema {

  private final Schema items;
  private final int minItems;

  ListSchema(Schema items, int minItems) {
    this.items = items;
    this.minItems = minItems;
  }

  public ListSchema minItems(int count) {
    return new ListSchema(items, count);
  }

  @Override
  public Node check(Node input, SchemaPath path, Issues issues) {
    if (!(input instanceof ArrayNode array)) {
      issues.add(path, input.position(), TYPE, typeMismatch("a valid array"));
      return null;
    }
    int before = issues.count();
    List<Node> values = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      values.add(items.check(array.get(i), path.index(i), issues));
    }
    if (issues.count() > before) {
      return null;
    }
    if (values.size() < minItems) {
      issues.add(
          path,
          input.position(),
          Code.E004,
          "List should have at least "
              + minItems
              + (minItems == 1 ? " item" : " items")
              + " after validation, not "
              + values.size());
      return null;
    }
    return new ArrayNode(values, input.position());
  }

  @Override
  ObjectNode jsonSchema(JsonSchemaDefinitions definitions) {
    ObjectNode.Builder out =
        ObjectNode.builder().put("type", "array").put("items", items.jsonSchema(definitions));
    if (minItems > 0) {
      out.put("minItems", minItems);
    }
    return out.build();
  }
}

package dev.capsem.core.internal.schema;

import dev.capsem.core.diag.Code;
import dev.capsem.core.internal.json.BooleanNode;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.json.StringNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map from string keys to values of one schema, in input order. A bad key is reported at {@code
 * <map>.<key>.[key]}, a bad value at {@code <map>.<key>}.
 */
public final class MapSchema extends Schema {

  private final Schema keys;
  private final Schema values;
  private final int minEntries;

  MapSchema(Schema keys, Schema values, int minEntries) {
    this.keys = keys;
    this.values = values;
    this.minEntries = minEntries;
  }

  public MapSchema minEntries(int count) {
    return new MapSchema(keys, values, count);
  }

  @Override
  public Node check(Node input, SchemaPath path, Issues issues) {
    if (!(input instanceof ObjectNode object)) {
      issues.add(path, input.position(), TYPE, typeMismatch("an object"));
      return null;
    }
    int before = issues.count();
    ObjectNode.Builder out = ObjectNode.builder(input.position());
    for (ObjectNode.Member member : object.entries()) {
      Node key =
          keys.check(
              new StringNode(member.key(), member.keyPosition()), path.keyOf(member.key()), issues);
      Node value = values.check(member.value(), path.child(member.key()), issues);
      if (key != null && value != null) {
        out.put(((StringNode) key).value(), member.keyPosition(), value);
      }
    }
    if (issues.count() > before) {
      return null;
    }
    if (object.size() < minEntries) {
      issues.add(
          path,
          input.position(),
          Code.E004,
          "Dictionary should have at least "
              + minEntries
              + (minEntries == 1 ? " item" : " items")
              + " after validation, not "
              + object.size());
      return null;
    }
    return out.build();
  }

  /**
   * Pydantic's {@code dict_schema}: a key pattern becomes {@code patternProperties}, other key
   * constraints become {@code propertyNames}, the value schema {@code additionalProperties}.
   */
  @Override
  ObjectNode jsonSchema(JsonSchemaDefinitions definitions) {
    Map<String, Node> key = members(keys.jsonSchema(definitions));
    Map<String, Node> value = members(values.jsonSchema(definitions));
    Node pattern = null;
    if (!key.containsKey("$ref")) {
      pattern = key.remove("pattern");
      key.remove("title");
    }
    value.remove("title");
    ObjectNode.Builder out = ObjectNode.builder().put("type", "object");
    if (!value.isEmpty() || pattern != null) {
      if (pattern == null) {
        out.put("additionalProperties", node(value));
      } else {
        out.put(
            "patternProperties",
            ObjectNode.builder().put(((StringNode) pattern).value(), node(value)).build());
      }
    } else {
      out.put("additionalProperties", BooleanNode.of(true));
    }
    boolean constrainedString =
        key.get("type") instanceof StringNode type
            && type.value().equals("string")
            && key.size() > 1;
    if (constrainedString || key.containsKey("$ref")) {
      key.remove("type");
      out.put("propertyNames", node(key));
    }
    if (minEntries > 0) {
      out.put("minProperties", minEntries);
    }
    return out.build();
  }

  private static Map<String, Node> members(ObjectNode object) {
    Map<String, Node> out = new LinkedHashMap<>();
    for (ObjectNode.Member member : object.entries()) {
      out.put(member.key(), member.value());
    }
    return out;
  }

  private static ObjectNode node(Map<String, Node> members) {
    ObjectNode.Builder out = ObjectNode.builder();
    members.forEach(out::put);
    return out.build();
  }
}

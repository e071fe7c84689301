package dev.capsem.core.internal.schema;

import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON Schema that Pydantic generates for a model ({@code TypeAdapter(Model).json_schema(
 * by_alias=True, ref_template="#/$defs/{model}")}), derived from our declarations: named models and
 * enum classes go to {@code $defs}, literals stay inline, optional fields become {@code anyOf [...,
 * null]}, and keys are sorted except under {@code properties} and {@code default}. Upstream prints
 * such documents for {@code profile schema} and {@code settings schema}; generating them keeps the
 * documents true to what our validators accept.
 */
public final class PydanticJsonSchema {

  private PydanticJsonSchema() {}

  /** The schema document of {@code model}, which must be named. */
  public static ObjectNode generate(ObjectSchema model) {
    if (model.modelName() == null) {
      throw new IllegalArgumentException("a published model needs its class name as title");
    }
    JsonSchemaDefinitions definitions = new JsonSchemaDefinitions();
    ObjectNode body = model.definition(definitions);
    ObjectNode.Builder document = ObjectNode.builder();
    for (ObjectNode.Member member : body.entries()) {
      document.put(member.key(), member.value());
    }
    if (!definitions.isEmpty()) {
      document.put("$defs", definitions.all());
    }
    return (ObjectNode) sorted(document.build(), null);
  }

  /** The document as upstream's CLI prints it: indent 2, non-ASCII raw, one trailing newline. */
  public static String text(ObjectSchema model) {
    return JsonPrinter.pretty().printLine(generate(model));
  }

  /**
   * Pydantic's {@code _sort_json_schema}: an object's keys are sorted unless the object is the
   * value of a {@code properties} key (field order is meaningful) or of a {@code default} key (it
   * is data); list items inherit the key of their list.
   */
  private static Node sorted(Node node, String parentKey) {
    if (node instanceof ObjectNode object) {
      List<String> keys = new ArrayList<>(object.keys());
      if (!"properties".equals(parentKey) && !"default".equals(parentKey)) {
        keys.sort(PydanticJsonSchema::compareCodePoints);
      }
      ObjectNode.Builder out = ObjectNode.builder();
      for (String key : keys) {
        out.put(key, sorted(object.get(key), key));
      }
      return out.build();
    }
    if (node instanceof ArrayNode array) {
      List<Node> items = new ArrayList<>(array.size());
      for (Node item : array.items()) {
        items.add(sorted(item, parentKey));
      }
      return ArrayNode.of(items);
    }
    return node;
  }

  /** Python sorts strings by code point; {@code String.compareTo} compares UTF-16 units. */
  private static int compareCodePoints(String a, String b) {
    return java.util.Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
  }

  /**
   * Pydantic's field title: {@code name.title().replace("_", " ").strip()}, from the wire name, so
   * {@code bearerToken} gives "Bearertoken" and {@code min_binary} gives "Min Binary".
   */
  static String fieldTitle(String name) {
    StringBuilder out = new StringBuilder(name.length());
    boolean previousCased = false;
    for (int i = 0; i < name.length(); ) {
      int c = name.codePointAt(i);
      boolean cased =
          Character.isUpperCase(c) || Character.isLowerCase(c) || Character.isTitleCase(c);
      int converted =
          cased ? (previousCased ? Character.toLowerCase(c) : Character.toTitleCase(c)) : c;
      out.appendCodePoint(converted);
      previousCased = cased;
      i += Character.charCount(c);
    }
    return out.toString().replace('_', ' ').strip();
  }
}

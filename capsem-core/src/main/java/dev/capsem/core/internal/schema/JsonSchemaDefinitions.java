package dev.capsem.core.internal.schema;

import dev.capsem.core.internal.json.ObjectNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@code $defs} of one JSON Schema being generated: every named model and enum class, described
 * once and referenced by {@code #/$defs/<name>} wherever it is used, as Pydantic does.
 */
final class JsonSchemaDefinitions {

  private final Map<String, Schema> owners = new HashMap<>();
  private final Map<String, ObjectNode> bodies = new LinkedHashMap<>();

  /**
   * A reference to the definition called {@code name}, describing it first if it is new. Two
   * different declarations may share a name only when they describe the same thing (an enum class
   * declared at several fields); anything else would make the document lie about one of them.
   */
  ObjectNode reference(String name, Schema owner, Supplier<ObjectNode> body) {
    Schema known = owners.get(name);
    if (known == null) {
      owners.put(name, owner); // before describing, so that a recursive model refers to itself
      bodies.put(name, body.get());
    } else if (known != owner && !body.get().equals(bodies.get(name))) {
      throw new IllegalStateException("two different declarations are both named " + name);
    }
    return ObjectNode.builder().put("$ref", "#/$defs/" + name).build();
  }

  boolean isEmpty() {
    return bodies.isEmpty();
  }

  /** Every definition, by name. */
  ObjectNode all() {
    ObjectNode.Builder out = ObjectNode.builder();
    bodies.forEach(out::put);
    return out.build();
  }
}

package dev.capsem.core.internal.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed reads of already-validated documents; a missing or mistyped value is a programming error.
 */
public final class Nodes {

  private Nodes() {}

  public static String string(ObjectNode object, String key) {
    Node value = object.get(key);
    return value instanceof StringNode s ? s.value() : null;
  }

  public static long integer(ObjectNode object, String key) {
    if (object.get(key) instanceof IntegerNode n) {
      return n.value().longValueExact();
    }
    throw new IllegalStateException("not an integer: " + key);
  }

  public static Boolean bool(ObjectNode object, String key) {
    Node value = object.get(key);
    return value instanceof BooleanNode b ? b.value() : null;
  }

  public static List<String> strings(ObjectNode object, String key) {
    List<String> out = new ArrayList<>();
    if (object.get(key) instanceof ArrayNode array) {
      for (Node item : array.items()) {
        out.add(((StringNode) item).value());
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** A string-to-string map in document order. */
  public static Map<String, String> stringMap(ObjectNode object, String key) {
    Map<String, String> out = new LinkedHashMap<>();
    if (object.get(key) instanceof ObjectNode map) {
      for (ObjectNode.Member member : map.entries()) {
        out.put(member.key(), ((StringNode) member.value()).value());
      }
    }
    return Collections.unmodifiableMap(out);
  }

  /** Copies a map keeping its order, then freezes it. */
  public static <V> Map<String, V> ordered(Map<String, V> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}

package dev.capsem.core.internal.toml;

import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.BooleanNode;
import dev.capsem.core.internal.json.FloatNode;
import dev.capsem.core.internal.json.IntegerNode;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.NullNode;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.json.StringNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes TOML exactly as tomli_w 1.2.0 does with its default options, so that our profiles and
 * workspace files are byte-identical to upstream's: scalars before sub-tables, headers only where
 * needed, multi-line arrays, basic strings only.
 */
public final class TomlWriter {

  private static final String INDENT = "    ";
  private static final int MAX_LINE_LENGTH = 100;

  private TomlWriter() {}

  /** The whole document; every line, the last included, ends with {@code \n}. */
  public static String write(ObjectNode document) {
    StringBuilder out = new StringBuilder();
    table(document, "", false, out);
    return out.toString();
  }

  private record Sub(String key, ObjectNode table, boolean insideArrayOfTables) {}

  private static void table(ObjectNode table, String name, boolean insideAot, StringBuilder out) {
    List<ObjectNode.Member> literals = new ArrayList<>();
    List<Sub> tables = new ArrayList<>();
    for (ObjectNode.Member member : table.entries()) {
      Node value = member.value();
      if (value instanceof NullNode) {
        continue; // TOML has no null; upstream never writes None
      }
      if (value instanceof ObjectNode object) {
        tables.add(new Sub(member.key(), object, false));
      } else if (isArrayOfTables(value) && !allInlineSuitable((ArrayNode) value)) {
        for (Node item : ((ArrayNode) value).items()) {
          tables.add(new Sub(member.key(), (ObjectNode) item, true));
        }
      } else {
        literals.add(member);
      }
    }
    boolean written = false;
    if (insideAot || (!name.isEmpty() && (!literals.isEmpty() || tables.isEmpty()))) {
      written = true;
      out.append(insideAot ? "[[" + name + "]]\n" : "[" + name + "]\n");
    }
    for (ObjectNode.Member member : literals) {
      written = true;
      out.append(key(member.key())).append(" = ").append(literal(member.value(), 0)).append('\n');
    }
    for (Sub sub : tables) {
      if (written) {
        out.append('\n');
      } else {
        written = true;
      }
      String part = key(sub.key());
      table(sub.table(), name.isEmpty() ? part : name + "." + part, sub.insideArrayOfTables(), out);
    }
  }

  private static boolean isArrayOfTables(Node value) {
    if (!(value instanceof ArrayNode array) || array.items().isEmpty()) {
      return false;
    }
    for (Node item : array.items()) {
      if (!(item instanceof ObjectNode)) {
        return false;
      }
    }
    return true;
  }

  private static boolean allInlineSuitable(ArrayNode array) {
    for (Node item : array.items()) {
      String rendered = INDENT + inlineTable((ObjectNode) item) + ",";
      if (rendered.length() > MAX_LINE_LENGTH || rendered.indexOf('\n') >= 0) {
        return false;
      }
    }
    return true;
  }

  private static String literal(Node value, int nestLevel) {
    if (value instanceof BooleanNode bool) {
      return bool.value() ? "true" : "false";
    }
    if (value instanceof IntegerNode integer) {
      return integer.value().toString();
    }
    if (value instanceof FloatNode number) {
      return pythonFloat(number.value());
    }
    if (value instanceof StringNode string) {
      return basicString(string.value());
    }
    if (value instanceof ArrayNode array) {
      return inlineArray(array, nestLevel);
    }
    if (value instanceof ObjectNode object) {
      return inlineTable(object);
    }
    throw new IllegalArgumentException("TOML cannot hold " + value);
  }

  private static String inlineArray(ArrayNode array, int nestLevel) {
    if (array.items().isEmpty()) {
      return "[]";
    }
    String itemIndent = INDENT.repeat(1 + nestLevel);
    StringBuilder out = new StringBuilder("[\n");
    for (Node item : array.items()) {
      out.append(itemIndent).append(literal(item, nestLevel + 1)).append(",\n");
    }
    return out.append(INDENT.repeat(nestLevel)).append(']').toString();
  }

  private static String inlineTable(ObjectNode table) {
    if (table.isEmpty()) {
      return "{}";
    }
    StringBuilder out = new StringBuilder("{ ");
    boolean first = true;
    for (ObjectNode.Member member : table.entries()) {
      if (!first) {
        out.append(", ");
      }
      first = false;
      out.append(key(member.key())).append(" = ").append(literal(member.value(), 0));
    }
    return out.append(" }").toString();
  }

  /** Bare when made only of ASCII letters, digits, {@code -} and {@code _}; quoted otherwise. */
  static String key(String key) {
    if (key.isEmpty()) {
      return basicString(key);
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      boolean bare =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_';
      if (!bare) {
        return basicString(key);
      }
    }
    return key;
  }

  static String basicString(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\b' -> out.append("\\b");
        case '\n' -> out.append("\\n");
        case '\f' -> out.append("\\f");
        case '\r' -> out.append("\\r");
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if ((c < 0x20 && c != '\t') || c == 0x7f) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static String pythonFloat(double value) {
    if (Double.isNaN(value)) {
      return "nan";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    return dev.capsem.core.internal.json.PythonNumbers.repr(value);
  }
}

package dev.capsem.core.internal.toml;

import dev.capsem.core.diag.Position;
import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.BooleanNode;
import dev.capsem.core.internal.json.FloatNode;
import dev.capsem.core.internal.json.IntegerNode;
import dev.capsem.core.internal.json.LineIndex;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.json.StringNode;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;
import org.tomlj.TomlVersion;

/**
 * Reads TOML 1.0 (as Python's {@code tomllib} does) into a positioned {@link Node} tree: tables
 * become objects in key order, dates and times become ISO strings, as upstream's TOML→JSON bridge
 * does. Keys point at the key, scalar values at the value, tables at their header.
 */
public final class TomlReader {

  private final String text;
  private final LineIndex lines;

  private TomlReader(String text) {
    this.text = text;
    this.lines = new LineIndex(text);
  }

  /**
   * Parses a whole document; the root object is at 1:1, also for an empty text, so that a field
   * missing from an empty file is still reported at a line and column.
   */
  public static ObjectNode read(String text) throws TomlSyntaxException {
    TomlParseResult result;
    try {
      result = Toml.parse(text, TomlVersion.V1_0_0);
    } catch (AssertionError e) {
      // tomlj checks an invariant with assert that some broken documents break (a comment with a
      // carriage return after a table header it skipped): with -ea that is an AssertionError, and
      // the document has a syntax error either way. Found by fuzzing.
      throw new TomlSyntaxException(
          "Invalid TOML: the parser stopped (" + e.getMessage() + ")", Position.START);
    }
    if (result.hasErrors()) {
      TomlParseError first = result.errors().get(0);
      Position position = convert(first.position());
      String message = first.getMessage();
      if (position != null) {
        message += " (at line " + position.line() + ", column " + position.column() + ")";
      }
      throw new TomlSyntaxException(message, position);
    }
    TomlReader reader = new TomlReader(text);
    return reader.table(result, Position.START);
  }

  private ObjectNode table(TomlTable table, Position position) {
    ObjectNode.Builder builder = ObjectNode.builder(position);
    for (String key : table.keySet()) {
      List<String> path = List.of(key);
      Position keyPosition = convert(table.inputPositionOf(path));
      Object value = table.get(path);
      builder.put(key, keyPosition, node(value, keyPosition, true));
    }
    return builder.build();
  }

  private Node node(Object value, Position keyPosition, boolean afterKey) {
    Position valuePosition = afterKey ? valuePosition(keyPosition) : keyPosition;
    if (value instanceof TomlTable table) {
      return table(table, keyPosition);
    }
    if (value instanceof TomlArray array) {
      List<Node> items = new ArrayList<>(array.size());
      for (int i = 0; i < array.size(); i++) {
        Position itemPosition = convert(array.inputPositionOf(i));
        items.add(node(array.get(i), itemPosition, false));
      }
      return new ArrayNode(items, valuePosition);
    }
    if (value instanceof String string) {
      return new StringNode(string, valuePosition);
    }
    if (value instanceof Long number) {
      return new IntegerNode(BigInteger.valueOf(number), valuePosition);
    }
    if (value instanceof Double number) {
      return new FloatNode(number, valuePosition);
    }
    if (value instanceof Boolean bool) {
      return new BooleanNode(bool, valuePosition);
    }
    return new StringNode(isoText(value), valuePosition);
  }

  /**
   * tomlj records where a key/value pair starts; diagnostics about a value point past the {@code
   * =}. Falls back to the key's position when the line does not have the expected shape.
   */
  private Position valuePosition(Position keyPosition) {
    if (keyPosition == null) {
      return null;
    }
    int lineStart = lines.startOfLine(keyPosition.line());
    if (lineStart < 0) {
      return keyPosition;
    }
    int i = lineStart + keyPosition.column() - 1;
    char quote = 0;
    while (i < text.length() && text.charAt(i) != '\n') {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == '\\' && quote == '"') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '=') {
        i++;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
          i++;
        }
        return lines.position(i);
      } else if (c == '[' && i == lineStart + keyPosition.column() - 1) {
        return keyPosition; // a table header: the table is its own value
      }
      i++;
    }
    return keyPosition;
  }

  private static Position convert(TomlPosition position) {
    if (position == null || position.line() < 1 || position.column() < 1) {
      return null;
    }
    return new Position(position.line(), position.column());
  }

  /** Python's {@code isoformat()}: seconds always present, offsets as {@code +00:00}. */
  private static String isoText(Object value) {
    if (value instanceof OffsetDateTime dateTime) {
      String offset = dateTime.getOffset().getId();
      return localDateTime(dateTime.toLocalDateTime()) + ("Z".equals(offset) ? "+00:00" : offset);
    }
    if (value instanceof LocalDateTime dateTime) {
      return localDateTime(dateTime);
    }
    if (value instanceof LocalDate date) {
      return date.toString();
    }
    if (value instanceof LocalTime time) {
      return time(time);
    }
    return String.valueOf(value);
  }

  private static String localDateTime(LocalDateTime dateTime) {
    return dateTime.toLocalDate() + "T" + time(dateTime.toLocalTime());
  }

  private static String time(LocalTime time) {
    String base = time.format(DateTimeFormatter.ofPattern("HH:mm:ss", java.util.Locale.ROOT));
    int micros = time.getNano() / 1000;
    return micros == 0 ? base : base + String.format(java.util.Locale.ROOT, ".%06d", micros);
  }
}

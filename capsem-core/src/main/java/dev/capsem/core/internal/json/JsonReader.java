package dev.capsem.core.internal.json;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Position;
import java.math.BigInteger;

/**
 * A strict JSON reader that builds a positioned {@link Node} tree. It is written by hand because
 * reports must repeat upstream's syntax-error wording and positions, which no library reproduces. A
 * repeated key in an object is an error (E572): Python's {@code json} would keep the last value
 * while a reviewer reads the first, so a document could say two things at once.
 */
public final class JsonReader {

  private static final int MAX_DEPTH = 512;

  private final String text;
  private final LineIndex lines;
  private final JsonDialect dialect;
  private int index;
  private int depth;

  private JsonReader(String text, JsonDialect dialect) {
    this.text = text;
    this.lines = new LineIndex(text);
    this.dialect = dialect;
  }

  /** Parses one JSON document. */
  public static Node read(String text, JsonDialect dialect) throws JsonSyntaxException {
    JsonReader reader = new JsonReader(text, dialect);
    reader.skipWhitespace();
    Node value = reader.value();
    reader.skipWhitespace();
    if (reader.index < text.length()) {
      throw reader.error(
          dialect == JsonDialect.PYTHON ? "Extra data" : "trailing characters",
          reader.index,
          false);
    }
    return value;
  }

  private Node value() throws JsonSyntaxException {
    if (index >= text.length()) {
      throw eof("EOF while parsing a value");
    }
    char c = text.charAt(index);
    Position position = positionOf(index);
    switch (c) {
      case '{':
        return object(position);
      case '[':
        return array(position);
      case '"':
        return new StringNode(string(), position);
      case 't':
        literal("true");
        return new BooleanNode(true, position);
      case 'f':
        literal("false");
        return new BooleanNode(false, position);
      case 'n':
        literal("null");
        return new NullNode(position);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number(position);
        }
        if (dialect == JsonDialect.PYTHON) {
          Node special = pythonSpecialFloat(position);
          if (special != null) {
            return special;
          }
        }
        throw expectedValue();
    }
  }

  private ObjectNode object(Position position) throws JsonSyntaxException {
    enter();
    index++; // '{'
    ObjectNode.Builder builder = ObjectNode.builder(position);
    skipWhitespace();
    if (peek() == '}') {
      index++;
      depth--;
      return builder.build();
    }
    while (true) {
      skipWhitespace();
      if (index >= text.length()) {
        throw dialect == JsonDialect.PYTHON
            ? pythonError("Expecting property name enclosed in double quotes", index)
            : eof("EOF while parsing an object");
      }
      if (text.charAt(index) != '"') {
        throw dialect == JsonDialect.PYTHON
            ? pythonError("Expecting property name enclosed in double quotes", index)
            : error(
                text.charAt(index) == '}' ? "trailing comma" : "key must be a string", index, true);
      }
      Position keyPosition = positionOf(index);
      int keyStart = index;
      String key = string();
      if (builder.has(key)) {
        throw duplicate(key, keyStart);
      }
      skipWhitespace();
      if (index >= text.length()) {
        throw dialect == JsonDialect.PYTHON
            ? pythonError("Expecting ':' delimiter", index)
            : eof("EOF while parsing an object");
      }
      if (text.charAt(index) != ':') {
        throw dialect == JsonDialect.PYTHON
            ? pythonError("Expecting ':' delimiter", index)
            : error("expected `:`", index, true);
      }
      index++;
      skipWhitespace();
      builder.put(key, keyPosition, value());
      skipWhitespace();
      if (index >= text.length()) {
        throw dialect == JsonDialect.PYTHON
            ? pythonError("Expecting ',' delimiter", index)
            : eof("EOF while parsing an object");
      }
      char c = text.charAt(index);
      if (c == ',') {
        index++;
        continue;
      }
      if (c == '}') {
        index++;
        depth--;
        return builder.build();
      }
      throw dialect == JsonDialect.PYTHON
          ? pythonError("Expecting ',' delimiter", index)
          : error("expected `,` or `}`", index, true);
    }
  }

  private ArrayNode array(Position position) throws JsonSyntaxException {
    enter();
    index++; // '['
    java.util.List<Node> items = new java.util.ArrayList<>();
    skipWhitespace();
    if (peek() == ']') {
      index++;
      depth--;
      return new ArrayNode(items, position);
    }
    while (true) {
      skipWhitespace();
      if (index >= text.length()) {
        throw dialect == JsonDialect.PYTHON
            ? pythonError("Expecting value", index)
            : eof("EOF while parsing a list");
      }
      if (dialect == JsonDialect.PYDANTIC && text.charAt(index) == ']' && !items.isEmpty()) {
        throw error("trailing comma", index, true);
      }
      items.add(value());
      skipWhitespace();
      if (index >= text.length()) {
        throw dialect == JsonDialect.PYTHON
            ? pythonError("Expecting ',' delimiter", index)
            : eof("EOF while parsing a list");
      }
      char c = text.charAt(index);
      if (c == ',') {
        index++;
        continue;
      }
      if (c == ']') {
        index++;
        depth--;
        return new ArrayNode(items, position);
      }
      throw dialect == JsonDialect.PYTHON
          ? pythonError("Expecting ',' delimiter", index)
          : error("expected `,` or `]`", index, true);
    }
  }

  private String string() throws JsonSyntaxException {
    int start = index;
    index++; // opening quote
    StringBuilder out = new StringBuilder();
    while (true) {
      if (index >= text.length()) {
        throw dialect == JsonDialect.PYTHON
            ? pythonError("Unterminated string starting at", start)
            : eof("EOF while parsing a string");
      }
      char c = text.charAt(index);
      if (c == '"') {
        index++;
        return out.toString();
      }
      if (c < 0x20) {
        throw dialect == JsonDialect.PYTHON
            ? pythonError("Invalid control character at", index)
            : error(
                "control character (\\u0000-\\u001F) found while parsing a string", index, true);
      }
      if (c != '\\') {
        out.append(c);
        index++;
        continue;
      }
      int escapeStart = index;
      index++;
      if (index >= text.length()) {
        throw dialect == JsonDialect.PYTHON
            ? pythonError("Unterminated string starting at", start)
            : eof("EOF while parsing a string");
      }
      char e = text.charAt(index++);
      switch (e) {
        case '"' -> out.append('"');
        case '\\' -> out.append('\\');
        case '/' -> out.append('/');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> out.append(unicodeEscape(escapeStart));
        default ->
            throw dialect == JsonDialect.PYTHON
                ? pythonError("Invalid \\escape", escapeStart)
                : error("invalid escape", index - 1, true);
      }
    }
  }

  private char unicodeEscape(int escapeStart) throws JsonSyntaxException {
    if (index + 4 > text.length()) {
      throw dialect == JsonDialect.PYTHON
          ? pythonError("Invalid \\uXXXX escape", escapeStart)
          : eof("EOF while parsing a string");
    }
    int value = 0;
    for (int i = 0; i < 4; i++) {
      int digit = Character.digit(text.charAt(index + i), 16);
      if (digit < 0) {
        throw dialect == JsonDialect.PYTHON
            ? pythonError("Invalid \\uXXXX escape", escapeStart)
            : error("invalid escape", index + i, true);
      }
      value = value * 16 + digit;
    }
    index += 4;
    return (char) value;
  }

  private Node number(Position position) throws JsonSyntaxException {
    int start = index;
    if (peek() == '-') {
      index++;
    }
    if (index >= text.length()) {
      throw dialect == JsonDialect.PYTHON
          ? pythonSpecialOrExpected(position)
          : eof("EOF while parsing a value");
    }
    if (peek() == '0') {
      index++;
    } else if (isDigit(peek())) {
      while (isDigit(peek())) {
        index++;
      }
    } else {
      if (dialect == JsonDialect.PYTHON && text.startsWith("Infinity", index)) {
        index += "Infinity".length();
        return new FloatNode(Double.NEGATIVE_INFINITY, position);
      }
      throw dialect == JsonDialect.PYTHON
          ? pythonError("Expecting value", start)
          : error("invalid number", index, true);
    }
    boolean integral = true;
    if (peek() == '.') {
      int dot = index;
      index++;
      if (!isDigit(peek())) {
        if (dialect == JsonDialect.PYTHON) {
          index = dot; // Python reads "1." as 1 followed by extra data
          return integer(start, position);
        }
        throw index >= text.length()
            ? eof("EOF while parsing a value")
            : error("invalid number", index, true);
      }
      integral = false;
      while (isDigit(peek())) {
        index++;
      }
    }
    if (peek() == 'e' || peek() == 'E') {
      int exponent = index;
      index++;
      if (peek() == '+' || peek() == '-') {
        index++;
      }
      if (!isDigit(peek())) {
        if (dialect == JsonDialect.PYTHON) {
          index = exponent;
          return integral ? integer(start, position) : decimal(start, position);
        }
        throw index >= text.length()
            ? eof("EOF while parsing a value")
            : error("invalid number", index, true);
      }
      integral = false;
      while (isDigit(peek())) {
        index++;
      }
    }
    return integral ? integer(start, position) : decimal(start, position);
  }

  private Node integer(int start, Position position) {
    return new IntegerNode(new BigInteger(text.substring(start, index)), position);
  }

  private Node decimal(int start, Position position) throws JsonSyntaxException {
    double value = Double.parseDouble(text.substring(start, index));
    if (Double.isInfinite(value) && dialect == JsonDialect.PYDANTIC) {
      throw error("number out of range", index, false);
    }
    return new FloatNode(value, position);
  }

  private Node pythonSpecialFloat(Position position) {
    if (text.startsWith("NaN", index)) {
      index += 3;
      return new FloatNode(Double.NaN, position);
    }
    if (text.startsWith("Infinity", index)) {
      index += "Infinity".length();
      return new FloatNode(Double.POSITIVE_INFINITY, position);
    }
    return null;
  }

  private JsonSyntaxException pythonSpecialOrExpected(Position position) {
    return pythonError("Expecting value", index - 1);
  }

  private void literal(String word) throws JsonSyntaxException {
    for (int i = 0; i < word.length(); i++) {
      if (index + i >= text.length()) {
        if (dialect == JsonDialect.PYTHON) {
          throw pythonError("Expecting value", index);
        }
        index = text.length();
        throw eof("EOF while parsing a value");
      }
      if (text.charAt(index + i) != word.charAt(i)) {
        if (dialect == JsonDialect.PYTHON) {
          throw pythonError("Expecting value", index);
        }
        throw error("expected ident", index + i, true);
      }
    }
    index += word.length();
  }

  private JsonSyntaxException expectedValue() {
    return dialect == JsonDialect.PYTHON
        ? pythonError("Expecting value", index)
        : error("expected value", index, true);
  }

  private void enter() throws JsonSyntaxException {
    if (++depth > MAX_DEPTH) {
      throw dialect == JsonDialect.PYTHON
          ? pythonError("Nesting too deep", index)
          : error("recursion limit exceeded", index, true);
    }
  }

  private void skipWhitespace() {
    while (index < text.length()) {
      char c = text.charAt(index);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        index++;
      } else {
        return;
      }
    }
  }

  private char peek() {
    return index < text.length() ? text.charAt(index) : '\0';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private JsonSyntaxException eof(String pydanticMessage) {
    if (dialect == JsonDialect.PYTHON) {
      return pythonError("Expecting value", text.length());
    }
    return error(pydanticMessage, text.length(), false);
  }

  /**
   * A Pydantic-style error. jiter counts like serde: the offending character counts as read, and
   * the column is the number of characters read on the current line (0 for empty input).
   */
  private JsonSyntaxException error(String message, int at, boolean atCharacter) {
    int clamped = Math.min(at, text.length());
    int end = atCharacter ? clamped + 1 : clamped;
    // serde counts the characters read so far: a read newline starts the next line at column 0.
    int line = lines.line(end);
    int column = end - lines.lineStart(end);
    return new JsonSyntaxException(
        message + " at line " + line + " column " + column, positionOf(clamped));
  }

  private JsonSyntaxException pythonError(String message, int at) {
    Position position = positionOf(at);
    return new JsonSyntaxException(
        message
            + ": line "
            + position.line()
            + " column "
            + position.column()
            + " (char "
            + at
            + ")",
        position);
  }

  /** A repeated key, at its second occurrence, in the dialect's style. */
  private JsonSyntaxException duplicate(String key, int at) {
    Position position = positionOf(at);
    String shown = JsonPrinter.compactAscii().print(StringNode.of(key));
    String message =
        dialect == JsonDialect.PYTHON
            ? "Duplicate key "
                + shown
                + ": line "
                + position.line()
                + " column "
                + position.column()
                + " (char "
                + at
                + ")"
            : "duplicate key "
                + shown
                + " at line "
                + position.line()
                + " column "
                + position.column();
    return new JsonSyntaxException(message, position, Code.E572);
  }

  private Position positionOf(int at) {
    return lines.position(at);
  }
}

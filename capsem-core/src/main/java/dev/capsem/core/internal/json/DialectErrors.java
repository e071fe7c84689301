package dev.capsem.core.internal.json;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Position;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/**
 * Words a document Jackson refused the way upstream would have: jiter's messages and serde's
 * columns for {@link JsonDialect#PYDANTIC}, Python's {@code json} for {@link JsonDialect#PYTHON}.
 * Jackson says where it stopped, not what upstream says there (Python reports an unterminated
 * string at its opening quote, {@code 01} as a missing comma, {@code truex} as extra data), so this
 * re-scans from the last token the reader accepted to the first place upstream would refuse. It
 * never builds values; it only finds and words the error.
 */
final class DialectErrors {

  /** What the text at the resume point must continue with. */
  enum Expect {
    VALUE,
    OBJECT_FIRST,
    OBJECT_NEXT,
    ARRAY_FIRST,
    ARRAY_NEXT,
    END
  }

  private enum Step {
    VALUE,
    OBJECT_FIRST,
    OBJECT_KEY,
    OBJECT_NEXT,
    ARRAY_FIRST,
    ARRAY_ITEM,
    ARRAY_NEXT,
    END
  }

  private final String text;
  private final TextPositions where;
  private final LineIndex lines;
  private final JsonDialect dialect;
  private final boolean python;
  private int index;

  DialectErrors(String text, TextPositions where, JsonDialect dialect) {
    this.text = text;
    this.where = where;
    this.lines = where.lines();
    this.dialect = dialect;
    this.python = dialect == JsonDialect.PYTHON;
  }

  /**
   * The first error upstream reports after {@code offset}, where the reader stood in {@code open}
   * containers (outermost first, {@code true} for an object) expecting {@code expect}; {@code
   * seenKey} tells the keys the innermost object already holds. Null when upstream would accept the
   * rest: then Jackson refused the text for a reason of its own, which the caller words.
   */
  JsonSyntaxException find(
      int offset, Expect expect, List<Boolean> open, Predicate<String> seenKey) {
    index = offset;
    Deque<Boolean> stack = new ArrayDeque<>();
    open.forEach(stack::push);
    Predicate<String> seen = seenKey;
    Step step = Step.valueOf(expect.name());
    try {
      while (true) {
        skipWhitespace();
        switch (step) {
          case VALUE -> {
            char c = peek();
            if (index < text.length() && (c == '{' || c == '[')) {
              if (stack.size() >= JsonReader.MAX_DEPTH) {
                throw python
                    ? pythonError("Nesting too deep", index)
                    : error("recursion limit exceeded", index, true);
              }
              stack.push(c == '{');
              index++;
              seen = key -> false;
              step = c == '{' ? Step.OBJECT_FIRST : Step.ARRAY_FIRST;
            } else {
              scalar();
              step = after(stack);
            }
          }
          case OBJECT_FIRST, ARRAY_FIRST -> {
            boolean object = step == Step.OBJECT_FIRST;
            if (peek() == (object ? '}' : ']') && index < text.length()) {
              index++;
              stack.pop();
              step = after(stack);
            } else {
              step = object ? Step.OBJECT_KEY : Step.ARRAY_ITEM;
            }
          }
          case OBJECT_KEY -> {
            key(seen);
            step = Step.VALUE;
          }
          case ARRAY_ITEM -> {
            if (index >= text.length()) {
              throw python
                  ? pythonError("Expecting value", index)
                  : eof("EOF while parsing a list");
            }
            step = Step.VALUE;
          }
          case OBJECT_NEXT, ARRAY_NEXT -> step = separator(step == Step.OBJECT_NEXT, stack);
          case END -> {
            if (index < text.length()) {
              throw error(python ? "Extra data" : "trailing characters", index, false);
            }
            return null;
          }
        }
      }
    } catch (JsonSyntaxException e) {
      return e;
    }
  }

  private static Step after(Deque<Boolean> stack) {
    if (stack.isEmpty()) {
      return Step.END;
    }
    return stack.peek() ? Step.OBJECT_NEXT : Step.ARRAY_NEXT;
  }

  private Step separator(boolean object, Deque<Boolean> stack) throws JsonSyntaxException {
    String what = object ? "an object" : "a list";
    if (index >= text.length()) {
      throw python
          ? pythonError("Expecting ',' delimiter", index)
          : eof("EOF while parsing " + what);
    }
    char c = text.charAt(index);
    if (c == (object ? '}' : ']')) {
      index++;
      stack.pop();
      return after(stack);
    }
    if (c != ',') {
      throw python
          ? pythonError("Expecting ',' delimiter", index)
          : error(object ? "expected `,` or `}`" : "expected `,` or `]`", index, true);
    }
    index++;
    skipWhitespace();
    if (!object && !python && peek() == ']' && index < text.length()) {
      throw error("trailing comma", index, true);
    }
    return object ? Step.OBJECT_KEY : Step.ARRAY_ITEM;
  }

  /** A key, a repeat of an earlier one, and the colon after it. */
  private void key(Predicate<String> seen) throws JsonSyntaxException {
    String name = "Expecting property name enclosed in double quotes";
    if (index >= text.length()) {
      throw python ? pythonError(name, index) : eof("EOF while parsing an object");
    }
    if (text.charAt(index) != '"') {
      throw python
          ? pythonError(name, index)
          : error(
              text.charAt(index) == '}' ? "trailing comma" : "key must be a string", index, true);
    }
    int start = index;
    String key = string();
    if (seen.test(key)) {
      throw duplicate(key, start);
    }
    skipWhitespace();
    if (index >= text.length()) {
      throw python
          ? pythonError("Expecting ':' delimiter", index)
          : eof("EOF while parsing an object");
    }
    if (text.charAt(index) != ':') {
      throw python
          ? pythonError("Expecting ':' delimiter", index)
          : error("expected `:`", index, true);
    }
    index++;
  }

  private void scalar() throws JsonSyntaxException {
    if (index >= text.length()) {
      throw eof("EOF while parsing a value");
    }
    char c = text.charAt(index);
    switch (c) {
      case '"' -> string();
      case 't' -> literal("true");
      case 'f' -> literal("false");
      case 'n' -> literal("null");
      default -> {
        if (c == '-' || isDigit(c)) {
          number();
        } else if (!(python && special())) {
          throw python
              ? pythonError("Expecting value", index)
              : error("expected value", index, true);
        }
      }
    }
  }

  private String string() throws JsonSyntaxException {
    int start = index++;
    StringBuilder out = new StringBuilder();
    while (true) {
      if (index >= text.length()) {
        throw python
            ? pythonError("Unterminated string starting at", start)
            : eof("EOF while parsing a string");
      }
      char c = text.charAt(index);
      if (c == '"') {
        index++;
        return out.toString();
      }
      if (c < 0x20) {
        throw python
            ? pythonError("Invalid control character at", index)
            : error(
                "control character (\\u0000-\\u001F) found while parsing a string", index, true);
      }
      index++;
      if (c != '\\') {
        out.append(c);
        continue;
      }
      escape(start, index - 1, out);
    }
  }

  private void escape(int start, int backslash, StringBuilder out) throws JsonSyntaxException {
    if (index >= text.length()) {
      throw python
          ? pythonError("Unterminated string starting at", start)
          : eof("EOF while parsing a string");
    }
    char e = text.charAt(index++);
    int simple = "\"\\/bfnrt".indexOf(e);
    if (simple >= 0) {
      out.append("\"\\/\b\f\n\r\t".charAt(simple));
      return;
    }
    if (e != 'u') {
      throw python
          ? pythonError("Invalid \\escape", backslash)
          : error("invalid escape", index - 1, true);
    }
    if (index + 4 > text.length()) {
      throw python
          ? pythonError("Invalid \\uXXXX escape", backslash + 1)
          : eof("EOF while parsing a string");
    }
    int value = 0;
    for (int i = 0; i < 4; i++) {
      int digit = Character.digit(text.charAt(index + i), 16);
      if (digit < 0) {
        throw python
            ? pythonError("Invalid \\uXXXX escape", backslash + 1)
            : error("invalid escape", index + i, true);
      }
      value = value * 16 + digit;
    }
    index += 4;
    out.append((char) value);
  }

  /**
   * A number as upstream scans it. Python stops at the longest valid prefix ({@code 1.} is 1 and
   * extra data); jiter refuses it. jiter also refuses a float beyond the double range.
   */
  private void number() throws JsonSyntaxException {
    int start = index;
    if (peek() == '-') {
      index++;
    }
    if (index >= text.length()) {
      throw python ? pythonError("Expecting value", index - 1) : eof("EOF while parsing a value");
    }
    if (peek() == '0') {
      index++;
    } else if (isDigit(peek())) {
      digits();
    } else if (python && text.startsWith("Infinity", index)) {
      index += "Infinity".length();
      return;
    } else {
      throw python ? pythonError("Expecting value", start) : error("invalid number", index, true);
    }
    boolean noFraction = fraction('.');
    boolean noExponent = fraction('e');
    if (!(noFraction && noExponent)
        && !python
        && Double.isInfinite(Double.parseDouble(text.substring(start, index)))) {
      throw error("number out of range", index, false);
    }
  }

  /** Reads a fraction or an exponent if one starts here; false when one was read. */
  private boolean fraction(char kind) throws JsonSyntaxException {
    char c = peek();
    if (kind == '.' ? c != '.' : c != 'e' && c != 'E') {
      return true;
    }
    int mark = index++;
    if (kind == 'e' && (peek() == '+' || peek() == '-')) {
      index++;
    }
    if (!isDigit(peek())) {
      if (python) {
        index = mark;
        return true;
      }
      throw index >= text.length()
          ? eof("EOF while parsing a value")
          : error("invalid number", index, true);
    }
    digits();
    return false;
  }

  private void digits() {
    while (isDigit(peek())) {
      index++;
    }
  }

  private boolean special() {
    for (String word : List.of("NaN", "Infinity")) {
      if (text.startsWith(word, index)) {
        index += word.length();
        return true;
      }
    }
    return false;
  }

  private void literal(String word) throws JsonSyntaxException {
    for (int i = 0; i < word.length(); i++) {
      if (index + i >= text.length()) {
        if (python) {
          throw pythonError("Expecting value", index);
        }
        index = text.length();
        throw eof("EOF while parsing a value");
      }
      if (text.charAt(index + i) != word.charAt(i)) {
        throw python
            ? pythonError("Expecting value", index)
            : error("expected ident", index + i, true);
      }
    }
    index += word.length();
  }

  private void skipWhitespace() {
    while (index < text.length() && " \t\n\r".indexOf(text.charAt(index)) >= 0) {
      index++;
    }
  }

  private char peek() {
    return index < text.length() ? text.charAt(index) : '\0';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private JsonSyntaxException eof(String pydanticMessage) {
    return python
        ? pythonError("Expecting value", text.length())
        : error(pydanticMessage, text.length(), false);
  }

  /**
   * A Pydantic-style error. jiter counts like serde: the offending character counts as read, and
   * the column is the number of characters read on the current line (0 for empty input). Python's
   * own "Extra data" comes here too, worded as Python words it.
   */
  JsonSyntaxException error(String message, int at, boolean atCharacter) {
    int clamped = Math.min(at, text.length());
    if (python) {
      return pythonError(message, clamped);
    }
    int end = atCharacter ? clamped + 1 : clamped;
    int line = lines.line(end);
    int column = end - lines.lineStart(end);
    return new JsonSyntaxException(
        message + " at line " + line + " column " + column, where.position(clamped));
  }

  private JsonSyntaxException pythonError(String message, int at) {
    return new JsonSyntaxException(message + pythonWhere(at), where.position(at));
  }

  private String pythonWhere(int at) {
    Position position = where.position(at);
    return ": line "
        + position.line()
        + " column "
        + position.column()
        + " (char "
        + where.characters(at)
        + ")";
  }

  /** A repeated key, at its second occurrence, in the dialect's style (E572, ours). */
  private JsonSyntaxException duplicate(String key, int at) {
    Position position = where.position(at);
    String shown = JsonPrinter.compactAscii().print(StringNode.of(key));
    String message =
        python
            ? "Duplicate key " + shown + pythonWhere(at)
            : "duplicate key "
                + shown
                + " at line "
                + position.line()
                + " column "
                + position.column();
    return new JsonSyntaxException(message, position, Code.E572);
  }

  /** Jackson's own reason (a read constraint) at {@code at}, in the dialect's frame. */
  JsonSyntaxException constraint(String reason, int at, Code code) {
    int clamped = Math.max(0, Math.min(at, text.length()));
    Position position = where.position(clamped);
    String message =
        dialect == JsonDialect.PYTHON
            ? reason + pythonWhere(clamped)
            : reason + " at line " + position.line() + " column " + position.column();
    return new JsonSyntaxException(message, position, code);
  }
}

package dev.capsem.core.internal.json;

/**
 * Writes a {@link Node} the way Python's {@code json.dumps} does, so that our files and reports are
 * byte-identical to upstream's. Jackson's pretty printer differs ({@code "k" : v}, inline arrays),
 * hence this small printer.
 */
public final class JsonPrinter {

  // Indentation is appended from here rather than made per line: reports print millions of lines.
  private static final String SPACES = " ".repeat(64);

  private final int indent;
  private final boolean ensureAscii;

  private JsonPrinter(int indent, boolean ensureAscii) {
    this.indent = indent;
    this.ensureAscii = ensureAscii;
  }

  /** {@code json.dumps(value, indent=2, ensure_ascii=False)}: upstream's reports and profiles. */
  public static JsonPrinter pretty() {
    return new JsonPrinter(2, false);
  }

  /** {@code json.dumps(value, indent=2)}: non-ASCII escaped as {@code \\uXXXX}. */
  public static JsonPrinter prettyAscii() {
    return new JsonPrinter(2, true);
  }

  /** {@code json.dumps(value, separators=(",", ":"), ensure_ascii=False)}: hash inputs. */
  public static JsonPrinter compact() {
    return new JsonPrinter(-1, false);
  }

  /** {@code json.dumps(value, separators=(",", ":"))}. */
  public static JsonPrinter compactAscii() {
    return new JsonPrinter(-1, true);
  }

  /** The document without a trailing newline. */
  public String print(Node node) {
    StringBuilder out = new StringBuilder();
    write(node, 0, out);
    return out.toString();
  }

  /** The document followed by exactly one newline, as the CLI prints and writes it. */
  public String printLine(Node node) {
    return print(node) + "\n";
  }

  /** Appends {@code node} as it is printed nested {@code level} deep in a document. */
  public void append(Node node, int level, StringBuilder out) {
    write(node, level, out);
  }

  /** Appends {@code value} as a JSON string, quoted and escaped as every string is printed. */
  public void appendString(String value, StringBuilder out) {
    quote(value, out);
  }

  private void write(Node node, int level, StringBuilder out) {
    if (node instanceof ObjectNode object) {
      writeObject(object, level, out);
    } else if (node instanceof ArrayNode array) {
      writeArray(array, level, out);
    } else if (node instanceof StringNode string) {
      quote(string.value(), out);
    } else if (node instanceof IntegerNode integer) {
      out.append(integer.value());
    } else if (node instanceof FloatNode number) {
      out.append(PythonNumbers.repr(number.value()));
    } else if (node instanceof BooleanNode bool) {
      out.append(bool.value() ? "true" : "false");
    } else {
      out.append("null");
    }
  }

  private void writeObject(ObjectNode object, int level, StringBuilder out) {
    if (object.isEmpty()) {
      out.append("{}");
      return;
    }
    out.append('{');
    boolean first = true;
    for (ObjectNode.Member member : object.entries()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      newline(level + 1, out);
      quote(member.key(), out);
      out.append(indent < 0 ? ":" : ": ");
      write(member.value(), level + 1, out);
    }
    newline(level, out);
    out.append('}');
  }

  private void writeArray(ArrayNode array, int level, StringBuilder out) {
    if (array.items().isEmpty()) {
      out.append("[]");
      return;
    }
    out.append('[');
    boolean first = true;
    for (Node item : array.items()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      newline(level + 1, out);
      write(item, level + 1, out);
    }
    newline(level, out);
    out.append(']');
  }

  private void newline(int level, StringBuilder out) {
    if (indent < 0) {
      return;
    }
    out.append('\n');
    int width = indent * level;
    while (width > SPACES.length()) {
      out.append(SPACES);
      width -= SPACES.length();
    }
    out.append(SPACES, 0, width);
  }

  private void quote(String value, StringBuilder out) {
    out.append('"');
    int plain = plainPrefix(value);
    if (plain == value.length()) {
      out.append(value).append('"'); // the common case, copied whole
      return;
    }
    out.append(value, 0, plain);
    for (int i = plain; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || (ensureAscii && c >= 0x7f)) {
            out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  // How many leading characters print as they are (no escape needed).
  private int plainPrefix(String value) {
    int limit = ensureAscii ? 0x7f : Character.MAX_VALUE + 1;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == '"' || c == '\\' || c >= limit) {
        return i;
      }
    }
    return value.length();
  }
}

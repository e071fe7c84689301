package dev.capsem.core.internal.detection;

import dev.capsem.core.internal.json.BooleanNode;
import dev.capsem.core.internal.json.FloatNode;
import dev.capsem.core.internal.json.IntegerNode;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.NullNode;
import dev.capsem.core.internal.json.PythonNumbers;
import dev.capsem.core.internal.json.StringNode;
import java.util.Locale;

/**
 * Python's {@code repr}, {@code str.strip} and {@code uuid.UUID} where upstream's texts use them.
 */
final class PythonRepr {

  private PythonRepr() {}

  /** {@code repr(value)}: {@code 'capsem'}, {@code None}, {@code 3}, {@code True}. */
  static String of(Node value) {
    if (value == null || value instanceof NullNode) {
      return "None";
    }
    if (value instanceof StringNode s) {
      return string(s.value());
    }
    if (value instanceof BooleanNode b) {
      return b.value() ? "True" : "False";
    }
    if (value instanceof IntegerNode i) {
      return i.value().toString();
    }
    if (value instanceof FloatNode f) {
      return PythonNumbers.repr(f.value());
    }
    return value.getClass().getSimpleName();
  }

  /** A string's repr: single quotes unless it holds a single quote and no double quote. */
  static String string(String text) {
    char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder out = new StringBuilder().append(quote);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == quote || c == '\\') {
        out.append('\\').append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else if (c < 0x20 || c == 0x7f) {
        out.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append(quote).toString();
  }

  /** Python's {@code str.strip()}. */
  static String strip(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && space(text.charAt(start))) {
      start++;
    }
    while (end > start && space(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(start, end);
  }

  private static boolean space(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
  }

  /**
   * {@code str(uuid.UUID(text))}: braces, {@code urn:}/{@code uuid:} and hyphens are ignored, 32
   * hex digits remain, written in the canonical lower-case form; {@code null} when not a UUID.
   */
  static String uuid(String text) {
    String hex = text.replace("urn:", "").replace("uuid:", "");
    int start = 0;
    int end = hex.length();
    while (start < end && (hex.charAt(start) == '{' || hex.charAt(start) == '}')) {
      start++;
    }
    while (end > start && (hex.charAt(end - 1) == '{' || hex.charAt(end - 1) == '}')) {
      end--;
    }
    hex = hex.substring(start, end).replace("-", "");
    if (hex.length() != 32 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 128)) {
      return null;
    }
    hex = hex.toLowerCase(Locale.ROOT);
    return hex.substring(0, 8)
        + "-"
        + hex.substring(8, 12)
        + "-"
        + hex.substring(12, 16)
        + "-"
        + hex.substring(16, 20)
        + "-"
        + hex.substring(20);
  }
}

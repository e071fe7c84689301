package dev.capsem.core.internal.enforcement;

import dev.capsem.core.diag.Position;
import dev.capsem.core.internal.json.LineIndex;

/**
 * Maps a character of a condition's text to its line and column in the file it came from, through
 * the string literal that holds it (TOML basic, literal and multi-line strings, JSON strings), so
 * that a CEL error inside the condition points at the right place in the file.
 */
final class ConditionLocator {

  /** For conditions built in code: no position at all. */
  static final ConditionLocator NOWHERE = new ConditionLocator(null, null, null);

  private final LineIndex lines;
  private final int[] rawOffsets;
  private final Position start;

  private ConditionLocator(LineIndex lines, int[] rawOffsets, Position start) {
    this.lines = lines;
    this.rawOffsets = rawOffsets;
    this.start = start;
  }

  /**
   * A locator for the string literal that starts at {@code start} in {@code fileText} and decodes
   * to {@code value}. When the literal cannot be followed, every character maps to {@code start}.
   */
  static ConditionLocator of(String fileText, LineIndex lines, Position start, String value) {
    if (fileText == null || start == null) {
      return new ConditionLocator(null, null, start);
    }
    int offset = lines.startOfLine(start.line());
    if (offset < 0) {
      return new ConditionLocator(null, null, start);
    }
    offset += start.column() - 1;
    int[] map = decode(fileText, offset, value);
    return new ConditionLocator(map == null ? null : lines, map, start);
  }

  /** The file position of the character at {@code index} (UTF-16) of the condition, if known. */
  Position at(int index) {
    if (rawOffsets == null || index < 0) {
      return start;
    }
    if (index >= rawOffsets.length) {
      return rawOffsets.length == 0 ? start : lines.position(rawOffsets[rawOffsets.length - 1]);
    }
    return lines.position(rawOffsets[index]);
  }

  /** The position of the literal itself. */
  Position start() {
    return start;
  }

  /** Where each decoded character sits in the raw text, or null when it does not decode. */
  private static int[] decode(String text, int at, String value) {
    if (at >= text.length()) {
      return null;
    }
    char quote = text.charAt(at);
    if (quote != '"' && quote != '\'') {
      return null;
    }
    boolean multiLine = text.startsWith(String.valueOf(quote).repeat(3), at);
    boolean escapes = quote == '"';
    int i = at + (multiLine ? 3 : 1);
    if (multiLine) {
      // TOML trims a newline that immediately follows the opening delimiter.
      if (text.startsWith("\r\n", i)) {
        i += 2;
      } else if (i < text.length() && text.charAt(i) == '\n') {
        i++;
      }
    }
    int[] map = new int[value.length()];
    int n = 0;
    while (n < value.length() && i < text.length()) {
      char c = text.charAt(i);
      if (escapes && c == '\\') {
        if (i + 1 >= text.length()) {
          return null;
        }
        char e = text.charAt(i + 1);
        if (multiLine && (e == '\n' || e == '\r' || e == ' ' || e == '\t')) {
          // A line-ending backslash swallows the newline and the whitespace after it.
          int j = i + 1;
          while (j < text.length() && " \t\r\n".indexOf(text.charAt(j)) >= 0) {
            j++;
          }
          i = j;
          continue;
        }
        int length = e == 'u' ? 6 : e == 'U' ? 10 : 2;
        String decoded = unescape(text, i, length);
        if (decoded == null) {
          return null;
        }
        for (int k = 0; k < decoded.length() && n < value.length(); k++) {
          map[n++] = i;
        }
        i += length;
        continue;
      }
      if (!multiLine && c == quote) {
        break;
      }
      map[n++] = i;
      i++;
    }
    return n == value.length() ? map : null;
  }

  private static String unescape(String text, int at, int length) {
    if (at + length > text.length()) {
      return null;
    }
    char e = text.charAt(at + 1);
    switch (e) {
      case 'b', 't', 'n', 'f', 'r', '"', '\\', '/':
        return "x";
      case 'u', 'U':
        try {
          int codePoint = Integer.parseInt(text.substring(at + 2, at + length), 16);
          return new String(Character.toChars(codePoint));
        } catch (IllegalArgumentException ex) {
          return null;
        }
      default:
        return null;
    }
  }
}

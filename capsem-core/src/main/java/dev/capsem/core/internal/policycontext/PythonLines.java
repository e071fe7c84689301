package dev.capsem.core.internal.policycontext;

import java.util.ArrayList;
import java.util.List;

/**
 * Python's {@code str.splitlines()} and {@code str.strip()}, which upstream's corpus reader uses.
 */
final class PythonLines {

  private PythonLines() {}

  /**
   * The lines of {@code text} without their terminators; Python also breaks at {@code \v}, {@code
   * \f}, the file/group/record separators, NEL and the Unicode line and paragraph separators.
   */
  static List<String> split(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (isBreak(c)) {
        lines.add(text.substring(start, i));
        i += c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? 2 : 1;
        start = i;
      } else {
        i++;
      }
    }
    if (start < text.length()) {
      lines.add(text.substring(start));
    }
    return lines;
  }

  /** Whether {@code text.strip()} is empty in Python. */
  static boolean isBlank(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (!isSpace(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isBreak(char c) {
    return c == '\n'
        || c == '\r'
        || c == '\u000b'
        || c == '\u000c'
        || (c >= '\u001c' && c <= '\u001e')
        || c == '\u0085'
        || c == '\u2028'
        || c == '\u2029';
  }

  // Java's whitespace leaves out the no-break spaces and NEL, which Python counts.
  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
  }
}

package dev.capsem.core.internal.secrets;

/**
 * A user's value as a message may repeat it: quoted, on one line, short, and never a secret. A raw
 * line break in a message would forge the next diagnostic line of a log, and a key pasted into the
 * wrong field must not be printed back.
 */
public final class ShownValue {

  /** Long values are cut: the start is enough to find the line, the rest only floods the log. */
  static final int MAX_CODE_POINTS = 60;

  private ShownValue() {}

  /**
   * {@code 'value'} with control and line-separator characters escaped ({@code \n}, {@code \x1b},
   * {@code \u2028}), cut after {@value #MAX_CODE_POINTS} code points ({@code …}), or only the
   * secret's well-known prefix ({@code 'sk-ant-…' (redacted)}) when it holds a secret.
   */
  public static String quoted(String value) {
    var secret = SecretScanner.find(value);
    if (secret.isPresent()) {
      return "'" + secret.get() + "' (redacted)";
    }
    StringBuilder out = new StringBuilder("'");
    int shown = 0;
    for (int i = 0; i < value.length(); ) {
      int cp = value.codePointAt(i);
      i += Character.charCount(cp);
      if (shown++ == MAX_CODE_POINTS) {
        out.append('…');
        break;
      }
      escape(out, cp);
    }
    return out.append('\'').toString();
  }

  private static void escape(StringBuilder out, int cp) {
    switch (cp) {
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      case '\\' -> out.append("\\\\");
      case '\'' -> out.append("\\'");
      default -> {
        if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0)) {
          out.append(String.format(java.util.Locale.ROOT, "\\x%02x", cp));
        } else if (cp == 0x2028 || cp == 0x2029 || Character.getType(cp) == Character.FORMAT) {
          // Line and paragraph separators, and format characters (bidi overrides).
          out.append(String.format(java.util.Locale.ROOT, "\\u%04x", cp));
        } else {
          out.appendCodePoint(cp);
        }
      }
    }
  }
}

package dev.capsem.core.internal.image;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Quoting for the POSIX shell lines of generated Dockerfiles and scripts. A quoted word never holds
 * a raw line break or control character: Docker ends an instruction at a line break whatever the
 * shell's quotes say, so such characters are written as {@code printf} escapes instead.
 */
final class Shell {

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");
  private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x1f\\x7f]");

  private Shell() {}

  /**
   * {@code value} as one shell word: unchanged when plain, else single-quoted; with control
   * characters, {@code "$(printf '%b' '...')"} with each one octal-escaped (the shell's command
   * substitution drops trailing line breaks: such a value is never a valid one anyway).
   */
  static String quote(String value) {
    if (!value.isEmpty() && PLAIN.matcher(value).matches()) {
      return value;
    }
    if (CONTROL.matcher(value).find()) {
      StringBuilder escaped = new StringBuilder();
      for (char c : value.toCharArray()) {
        if (c == '\\') {
          escaped.append("\\\\");
        } else if (c == '\'') {
          escaped.append("'\\''");
        } else if (c < 0x20 || c == 0x7f) {
          escaped.append(String.format(Locale.ROOT, "\\0%03o", (int) c));
        } else {
          escaped.append(c);
        }
      }
      return "\"$(printf '%b' '" + escaped + "')\"";
    }
    return "'" + value.replace("'", "'\\''") + "'";
  }

  /** Words joined by spaces, each quoted. */
  static String words(List<String> values) {
    StringBuilder out = new StringBuilder();
    for (String value : values) {
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(quote(value));
    }
    return out.toString();
  }
}

package dev.capsem.core.internal.image;

import java.util.List;
import java.util.regex.Pattern;

/** Quoting for the POSIX shell lines of generated Dockerfiles and scripts. */
final class Shell {

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

  private Shell() {}

  /** {@code value} as one shell word: unchanged when plain, else single-quoted. */
  static String quote(String value) {
    if (!value.isEmpty() && PLAIN.matcher(value).matches()) {
      return value;
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

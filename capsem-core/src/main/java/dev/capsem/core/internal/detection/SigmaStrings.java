package dev.capsem.core.internal.detection;

/**
 * pySigma's reading of a Sigma string: {@code *} and {@code ?} are wildcards unless escaped; {@code
 * \*}, {@code \?} and {@code \\} are the literal characters; a backslash before anything else
 * stays.
 */
final class SigmaStrings {

  private SigmaStrings() {}

  /**
   * The literal text of {@code value}, or {@code null} when it is empty or has a wildcard (which
   * the IR's exact matching cannot express).
   */
  static String exact(String value) {
    if (value.isEmpty()) {
      return null;
    }
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length() && "*?\\".indexOf(value.charAt(i + 1)) >= 0) {
        out.append(value.charAt(++i));
      } else if (c == '*' || c == '?') {
        return null;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}

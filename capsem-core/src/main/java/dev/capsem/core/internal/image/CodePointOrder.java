package dev.capsem.core.internal.image;

import java.util.Comparator;

/**
 * Python's string order (by Unicode code point). Java's {@code String.compareTo} compares UTF-16
 * units, which differs for characters beyond the Basic Multilingual Plane.
 */
public final class CodePointOrder {

  public static final Comparator<String> INSTANCE = CodePointOrder::compare;

  private CodePointOrder() {}

  public static int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int x = a.codePointAt(i);
      int y = b.codePointAt(j);
      if (x != y) {
        return Integer.compare(x, y);
      }
      i += Character.charCount(x);
      j += Character.charCount(y);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }
}

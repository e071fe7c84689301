package dev.capsem.core.internal.compat;

import java.util.Comparator;

/**
 * The one version order of the compatibility gates (spec §2.3): two "numeric dotted" versions
 * (every {@code .}-separated part non-empty and all ASCII digits, any number of parts) compare part
 * by part as unbounded integers with missing parts counting as 0, so {@code 2026.0510.9 <
 * 2026.0510.10} and {@code 1.0 == 1.0.0}; any other pair compares as text, code point by code point
 * (the byte order of their UTF-8, as upstream's Rust does). Binary versions carry Unix seconds, so
 * parts are never squeezed into a fixed-width integer.
 */
public final class Versions {

  /** Greatest last: the order used to pick "the newest" release or revision. */
  public static final Comparator<String> ORDER = Versions::compare;

  private Versions() {}

  /** {@code version_at_least(actual, minimum)}: an empty minimum is no constraint. */
  public static boolean atLeast(String actual, String minimum) {
    if (minimum.isEmpty()) {
      return true;
    }
    return compare(actual, minimum) >= 0;
  }

  /** Negative, zero or positive as {@code a} is older than, as new as, or newer than {@code b}. */
  public static int compare(String a, String b) {
    if (isNumericDotted(a) && isNumericDotted(b)) {
      String[] left = a.split("\\.", -1);
      String[] right = b.split("\\.", -1);
      for (int i = 0; i < Math.max(left.length, right.length); i++) {
        int order =
            compareDigits(i < left.length ? left[i] : "0", i < right.length ? right[i] : "0");
        if (order != 0) {
          return order;
        }
      }
      return 0;
    }
    return compareCodePoints(a, b);
  }

  /** Every {@code .}-separated part is one or more ASCII digits. */
  public static boolean isNumericDotted(String version) {
    if (version.isEmpty()) {
      return false;
    }
    for (String part : version.split("\\.", -1)) {
      if (part.isEmpty() || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return false;
      }
    }
    return true;
  }

  private static int compareDigits(String a, String b) {
    String left = stripLeadingZeros(a);
    String right = stripLeadingZeros(b);
    if (left.length() != right.length()) {
      return Integer.compare(left.length(), right.length());
    }
    return left.compareTo(right);
  }

  private static String stripLeadingZeros(String digits) {
    int start = 0;
    while (start < digits.length() - 1 && digits.charAt(start) == '0') {
      start++;
    }
    return digits.substring(start);
  }

  private static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int left = a.codePointAt(i);
      int right = b.codePointAt(j);
      if (left != right) {
        return Integer.compare(left, right);
      }
      i += Character.charCount(left);
      j += Character.charCount(right);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}

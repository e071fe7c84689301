package dev.capsem.core.internal.image.version;

/** Compares unbounded runs of ASCII digits without converting them to numbers. */
final class Digits {

  private Digits() {}

  /** Compares two digit strings numerically; leading zeros do not count. */
  static int compare(String a, String b) {
    String x = stripZeros(a);
    String y = stripZeros(b);
    if (x.length() != y.length()) {
      return Integer.compare(x.length(), y.length());
    }
    return Integer.signum(x.compareTo(y));
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean allDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** The digit string plus one, e.g. {@code 199} becomes {@code 200}. */
  static String increment(String digits) {
    return new java.math.BigInteger(digits).add(java.math.BigInteger.ONE).toString();
  }

  private static String stripZeros(String s) {
    int i = 0;
    while (i < s.length() - 1 && s.charAt(i) == '0') {
      i++;
    }
    return s.substring(i);
  }
}

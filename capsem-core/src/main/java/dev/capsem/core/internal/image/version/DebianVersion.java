package dev.capsem.core.internal.image.version;

/**
 * A Debian package version, {@code [epoch:]upstream_version[-debian_revision]}, ordered exactly as
 * dpkg orders it: epochs numerically, then the upstream version and the revision part by part,
 * where {@code ~} sorts before everything (even the end), letters before other characters, and
 * digit runs compare as numbers.
 */
public record DebianVersion(String epoch, String upstream, String revision)
    implements Comparable<DebianVersion> {

  /** Reads a version as dpkg writes it; surrounding whitespace is ignored, as dpkg does. */
  public static DebianVersion parse(String text) {
    String version = text.strip();
    if (version.isEmpty()) {
      throw new InvalidVersionException("empty Debian version");
    }
    String epoch = "0";
    int colon = version.indexOf(':');
    if (colon >= 0) {
      epoch = version.substring(0, colon);
      if (!Digits.allDigits(epoch)) {
        throw new InvalidVersionException(
            "Debian version '" + text + "' has an epoch that is not a number");
      }
      version = version.substring(colon + 1);
    }
    String revision = "";
    int hyphen = version.lastIndexOf('-');
    if (hyphen >= 0) {
      revision = version.substring(hyphen + 1);
      version = version.substring(0, hyphen);
      if (revision.isEmpty()) {
        throw new InvalidVersionException("Debian version '" + text + "' has an empty revision");
      }
    }
    if (version.isEmpty() || !Digits.isDigit(version.charAt(0))) {
      throw new InvalidVersionException(
          "Debian version '" + text + "' must have an upstream version starting with a digit");
    }
    check(text, version, "+.~-");
    check(text, revision, "+.~");
    return new DebianVersion(epoch, version, revision);
  }

  /** Whether {@code text} is a version dpkg accepts. */
  public static boolean isValid(String text) {
    try {
      parse(text);
      return true;
    } catch (InvalidVersionException e) {
      return false;
    }
  }

  @Override
  public int compareTo(DebianVersion other) {
    int byEpoch = Digits.compare(epoch, other.epoch);
    if (byEpoch != 0) {
      return byEpoch;
    }
    int byUpstream = compareParts(upstream, other.upstream);
    if (byUpstream != 0) {
      return byUpstream;
    }
    return compareParts(revision, other.revision);
  }

  /**
   * dpkg's {@code verrevcmp}: alternate non-digit runs (compared character by character with {@link
   * #order}) and digit runs (compared as numbers).
   */
  static int compareParts(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() || j < b.length()) {
      while ((i < a.length() && !Digits.isDigit(a.charAt(i)))
          || (j < b.length() && !Digits.isDigit(b.charAt(j)))) {
        int ac = order(a, i);
        int bc = order(b, j);
        if (ac != bc) {
          return Integer.signum(ac - bc);
        }
        i++;
        j++;
      }
      int startA = i;
      while (i < a.length() && Digits.isDigit(a.charAt(i))) {
        i++;
      }
      int startB = j;
      while (j < b.length() && Digits.isDigit(b.charAt(j))) {
        j++;
      }
      String digitsA = startA == i ? "0" : a.substring(startA, i);
      String digitsB = startB == j ? "0" : b.substring(startB, j);
      int byNumber = Digits.compare(digitsA, digitsB);
      if (byNumber != 0) {
        return byNumber;
      }
    }
    return 0;
  }

  /** The weight of one character: {@code ~} lowest, then the end and digits, letters, others. */
  private static int order(String s, int index) {
    if (index >= s.length()) {
      return 0;
    }
    char c = s.charAt(index);
    if (Digits.isDigit(c)) {
      return 0;
    }
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
      return c;
    }
    if (c == '~') {
      return -1;
    }
    return c + 256;
  }

  private static void check(String text, String part, String punctuation) {
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      boolean alphanumeric =
          (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
      if (!alphanumeric && punctuation.indexOf(c) < 0) {
        throw new InvalidVersionException(
            "Debian version '" + text + "' contains the invalid character '" + c + "'");
      }
    }
  }

  @Override
  public String toString() {
    return (epoch.equals("0") ? "" : epoch + ":")
        + upstream
        + (revision.isEmpty() ? "" : "-" + revision);
  }
}

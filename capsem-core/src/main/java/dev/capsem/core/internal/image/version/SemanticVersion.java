package dev.capsem.core.internal.image.version;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An npm package version, ordered by SemVer 2.0.0 precedence: major, minor and patch as numbers, a
 * pre-release below its release, pre-release identifiers one by one (numbers below words, numbers
 * numerically, words in ASCII order, fewer identifiers first), build metadata ignored. A leading
 * {@code v} is accepted, as npm accepts it.
 *
 * @param prerelease the dot-separated pre-release identifiers, or an empty list
 * @param build the build metadata, or an empty string; it never affects the order
 */
public record SemanticVersion(
    String major, String minor, String patch, List<String> prerelease, String build)
    implements Comparable<SemanticVersion> {

  private static final String NUMBER = "0|[1-9][0-9]*";
  private static final String IDENTIFIER = "(?:0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*)";
  private static final Pattern VERSION =
      Pattern.compile(
          "^\\s*v?("
              + NUMBER
              + ")\\.("
              + NUMBER
              + ")\\.("
              + NUMBER
              + ")(?:-("
              + IDENTIFIER
              + "(?:\\."
              + IDENTIFIER
              + ")*))?(?:\\+([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?\\s*$");

  /** One, two or three numbers without pre-release: the operand of {@code ^} and {@code ~=}. */
  private static final Pattern PARTIAL =
      Pattern.compile(
          "^\\s*v?(" + NUMBER + ")(?:\\.(" + NUMBER + "))?(?:\\.(" + NUMBER + "))?\\s*$");

  public SemanticVersion {
    prerelease = List.copyOf(prerelease);
  }

  public static SemanticVersion parse(String text) {
    Matcher m = VERSION.matcher(text);
    if (!m.matches()) {
      throw new InvalidVersionException("'" + text + "' is not a SemVer 2.0.0 version");
    }
    return new SemanticVersion(
        m.group(1),
        m.group(2),
        m.group(3),
        m.group(4) == null ? List.of() : List.of(m.group(4).split("\\.")),
        m.group(5) == null ? "" : m.group(5));
  }

  /**
   * The numbers a partial version names ({@code 1}, {@code 1.2}, {@code 1.2.3}), or {@code null}
   * when it is not one.
   */
  static List<String> partialNumbers(String text) {
    Matcher m = PARTIAL.matcher(text);
    if (!m.matches()) {
      return null;
    }
    if (m.group(2) == null) {
      return List.of(m.group(1));
    }
    return m.group(3) == null
        ? List.of(m.group(1), m.group(2))
        : List.of(m.group(1), m.group(2), m.group(3));
  }

  public boolean isPrerelease() {
    return !prerelease.isEmpty();
  }

  /** Whether both have the same major, minor and patch. */
  public boolean sameRelease(SemanticVersion other) {
    return Digits.compare(major, other.major) == 0
        && Digits.compare(minor, other.minor) == 0
        && Digits.compare(patch, other.patch) == 0;
  }

  @Override
  public int compareTo(SemanticVersion other) {
    int c = Digits.compare(major, other.major);
    if (c == 0) {
      c = Digits.compare(minor, other.minor);
    }
    if (c == 0) {
      c = Digits.compare(patch, other.patch);
    }
    if (c != 0) {
      return c;
    }
    if (prerelease.isEmpty() || other.prerelease.isEmpty()) {
      return Boolean.compare(prerelease.isEmpty(), other.prerelease.isEmpty());
    }
    for (int i = 0; i < Math.min(prerelease.size(), other.prerelease.size()); i++) {
      c = compareIdentifier(prerelease.get(i), other.prerelease.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(prerelease.size(), other.prerelease.size());
  }

  private static int compareIdentifier(String a, String b) {
    boolean aNumber = Digits.allDigits(a);
    boolean bNumber = Digits.allDigits(b);
    if (aNumber && bNumber) {
      return Digits.compare(a, b);
    }
    if (aNumber != bNumber) {
      return aNumber ? -1 : 1;
    }
    return Integer.signum(a.compareTo(b));
  }

  @Override
  public String toString() {
    return major
        + "."
        + minor
        + "."
        + patch
        + (prerelease.isEmpty() ? "" : "-" + String.join(".", prerelease))
        + (build.isEmpty() ? "" : "+" + build);
  }
}

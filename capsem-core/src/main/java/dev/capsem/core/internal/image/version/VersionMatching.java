package dev.capsem.core.internal.image.version;

/**
 * How {@code image verify} compares a contract's expected version with the installed one. Both keep
 * upstream's ground rules: an installed {@code ""} or {@code N/A} never satisfies, and {@code *}
 * accepts any other value.
 */
public enum VersionMatching {
  /** Upstream's rule: the installed version must equal the expected string. */
  EXACT,
  /**
   * Expected versions that start with an operator ({@code >=1.2, <2}, {@code ~=2.32}, {@code
   * ^1.2.3}) are ranges in the package's own ordering (Debian, PEP 440, SemVer); any other string
   * still needs an exact match, and tools always do (their versions are free text).
   */
  RANGES;

  /** The command-line and Maven spelling: {@code exact} or {@code ranges}. */
  public String optionValue() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Whether {@code actual} satisfies {@code expected} for a contract row of {@code kind}. */
  public boolean satisfies(String kind, String expected, String actual) {
    if (actual.isEmpty() || actual.equals("N/A")) {
      return false;
    }
    if (expected.equals("*")) {
      return true;
    }
    Ecosystem ecosystem = Ecosystem.ofKind(kind);
    if (this == EXACT || ecosystem == null || !VersionRange.looksLikeRange(expected)) {
      return actual.equals(expected);
    }
    return VersionRange.parse(ecosystem, expected).admits(actual);
  }

  /**
   * Why {@code expected} cannot be used under this rule, or {@code null} when it can. Under {@link
   * #EXACT} every string can; under {@link #RANGES} a range must parse, and tools take no ranges.
   */
  public String problem(String kind, String expected) {
    if (this == EXACT || !VersionRange.looksLikeRange(expected)) {
      return null;
    }
    Ecosystem ecosystem = Ecosystem.ofKind(kind);
    if (ecosystem == null) {
      return "tool versions match exactly; ranges apply to apt, python and node packages: '"
          + expected
          + "'";
    }
    try {
      VersionRange.parse(ecosystem, expected);
      return null;
    } catch (InvalidVersionException e) {
      return "not a " + ecosystem.scheme() + " range: " + e.getMessage();
    }
  }
}

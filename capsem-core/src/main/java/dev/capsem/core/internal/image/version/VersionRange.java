package dev.capsem.core.internal.image.version;

/**
 * A version requirement of one ecosystem: comma-separated comparators ({@code >=}, {@code >},
 * {@code <=}, {@code <}, {@code ==}, {@code !=}, {@code ~=} compatible release, {@code ^} caret),
 * all of which must hold. Python also takes PEP 440's {@code ==1.2.*} and {@code ===}.
 */
public interface VersionRange {

  /** Whether the installed version {@code actual} satisfies the range; unreadable is false. */
  boolean admits(String actual);

  /** Whether upstream's rule would read {@code expected} as a range rather than a literal. */
  static boolean looksLikeRange(String expected) {
    String text = expected.strip();
    return !text.isEmpty() && "<>=!~^".indexOf(text.charAt(0)) >= 0;
  }

  /** Reads a range of {@code ecosystem}, or throws with the reason. */
  static VersionRange parse(Ecosystem ecosystem, String text) {
    return switch (ecosystem) {
      case APT -> DebianRange.parse(text);
      case PYTHON -> Pep440Range.parse(text);
      case NODE -> SemverRange.parse(text);
    };
  }
}

package dev.capsem.core.internal.image.lock;

import java.util.regex.Pattern;

/**
 * The shapes a lock's names and versions may take. A locked build writes them into a Dockerfile and
 * an apt preferences file, so a value that does not have its ecosystem's shape (a space, a quote, a
 * semicolon) is refused when the lock is read, before anything is rendered; the renderer still
 * quotes every word.
 */
public final class LockValues {

  private static final Pattern APT_NAME = Pattern.compile("[a-z0-9][a-z0-9+.-]*");
  private static final Pattern APT_VERSION = Pattern.compile("(?:[0-9]+:)?[0-9][A-Za-z0-9.+~-]*");
  private static final Pattern PYTHON_NAME =
      Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?");
  private static final Pattern PYTHON_VERSION = Pattern.compile("[0-9!][A-Za-z0-9.+!_-]*");
  private static final Pattern NPM_NAME =
      Pattern.compile("(?:@[A-Za-z0-9][A-Za-z0-9._~-]*/)?[A-Za-z0-9][A-Za-z0-9._~-]*");
  private static final Pattern NPM_VERSION = Pattern.compile("[0-9][A-Za-z0-9.+-]*");
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern INTEGRITY = Pattern.compile("sha(?:1|256|384|512)-[A-Za-z0-9+/]+=*");
  private static final Pattern KERNEL_VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.+_-]*");

  private LockValues() {}

  /** What is wrong with a package name of {@code ecosystem}, or null when it is well formed. */
  public static String nameProblem(String ecosystem, String name) {
    Pattern shape =
        switch (ecosystem) {
          case "apt" -> APT_NAME;
          case "python" -> PYTHON_NAME;
          default -> NPM_NAME;
        };
    return shape.matcher(name).matches() ? null : "not " + article(ecosystem) + " package name";
  }

  /** What is wrong with a version of {@code ecosystem}, or null when it is well formed. */
  public static String versionProblem(String ecosystem, String version) {
    Pattern shape =
        switch (ecosystem) {
          case "apt" -> APT_VERSION;
          case "python" -> PYTHON_VERSION;
          default -> NPM_VERSION;
        };
    return shape.matcher(version).matches() ? null : "not " + article(ecosystem) + " version";
  }

  /** What is wrong with a package hash of {@code ecosystem}, or null when it is well formed. */
  public static String hashProblem(String ecosystem, String hash) {
    return switch (ecosystem) {
      case "apt" -> SHA256.matcher(hash).matches() ? null : "not 64 lower-case hex digits";
      case "npm" -> INTEGRITY.matcher(hash).matches() ? null : "not an npm integrity (sha512-...)";
      default -> "Python packages carry no hash in a lock";
    };
  }

  public static boolean sha256(String value) {
    return value != null && SHA256.matcher(value).matches();
  }

  public static boolean kernelVersion(String value) {
    return value != null && KERNEL_VERSION.matcher(value).matches();
  }

  private static String article(String ecosystem) {
    return switch (ecosystem) {
      case "apt" -> "a Debian";
      case "python" -> "a Python";
      default -> "an npm";
    };
  }
}

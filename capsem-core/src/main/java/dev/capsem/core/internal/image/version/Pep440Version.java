package dev.capsem.core.internal.image.version;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Python package version as PEP 440 defines it, read with PEP 440's normalisations (case, {@code
 * v} prefix, {@code -}/{@code _}/{@code .} separators, {@code alpha}/{@code c}/{@code pre}
 * spellings, implicit numbers, {@code 1.0-1} as a post-release) and ordered as {@code packaging}
 * orders it: epoch, release (trailing zeros ignored), then dev-only releases before pre-releases
 * before the release before post-releases, then the local label.
 *
 * @param release the release numbers as written, without trailing-zero trimming
 * @param preLabel {@code a}, {@code b} or {@code rc}, or {@code null}
 * @param local the local label's segments, lower-cased, or an empty list
 */
public record Pep440Version(
    BigInteger epoch,
    List<BigInteger> release,
    String preLabel,
    BigInteger preNumber,
    BigInteger post,
    BigInteger dev,
    List<String> local)
    implements Comparable<Pep440Version> {

  private static final Pattern VERSION =
      Pattern.compile(
          "^\\s*v?(?:(?:(?<epoch>[0-9]+)!)?(?<release>[0-9]+(?:\\.[0-9]+)*)"
              + "(?<pre>[-_.]?(?<preL>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<preN>[0-9]+)?)?"
              + "(?<post>(?:-(?<postN1>[0-9]+))|(?:[-_.]?(?<postL>post|rev|r)[-_.]?(?<postN2>[0-9]+)?))?"
              + "(?<dev>[-_.]?(?<devL>dev)[-_.]?(?<devN>[0-9]+)?)?)"
              + "(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?\\s*$",
          Pattern.CASE_INSENSITIVE);

  public Pep440Version {
    release = List.copyOf(release);
    local = List.copyOf(local);
  }

  public static Pep440Version parse(String text) {
    Matcher m = VERSION.matcher(text);
    if (!m.matches()) {
      throw new InvalidVersionException("'" + text + "' is not a PEP 440 version");
    }
    List<BigInteger> release = new ArrayList<>();
    for (String part : m.group("release").split("\\.")) {
      release.add(new BigInteger(part));
    }
    String preLabel = null;
    BigInteger preNumber = null;
    if (m.group("pre") != null) {
      preLabel =
          switch (m.group("preL").toLowerCase(Locale.ROOT)) {
            case "alpha", "a" -> "a";
            case "beta", "b" -> "b";
            default -> "rc";
          };
      preNumber = number(m.group("preN"));
    }
    BigInteger post = null;
    if (m.group("post") != null) {
      post = number(m.group("postN1") != null ? m.group("postN1") : m.group("postN2"));
    }
    BigInteger dev = m.group("dev") == null ? null : number(m.group("devN"));
    List<String> local = new ArrayList<>();
    if (m.group("local") != null) {
      for (String part : m.group("local").toLowerCase(Locale.ROOT).split("[-_.]")) {
        local.add(part);
      }
    }
    return new Pep440Version(
        m.group("epoch") == null ? BigInteger.ZERO : new BigInteger(m.group("epoch")),
        release,
        preLabel,
        preNumber,
        post,
        dev,
        local);
  }

  private static BigInteger number(String digits) {
    return digits == null ? BigInteger.ZERO : new BigInteger(digits);
  }

  public boolean isPrerelease() {
    return preLabel != null || dev != null;
  }

  public boolean isPostrelease() {
    return post != null;
  }

  public boolean hasLocal() {
    return !local.isEmpty();
  }

  /** Epoch and release only: {@code packaging}'s {@code base_version}. */
  public Pep440Version base() {
    return new Pep440Version(epoch, release, null, null, null, null, List.of());
  }

  /** Without the local label: {@code packaging}'s {@code public}. */
  public Pep440Version withoutLocal() {
    return new Pep440Version(epoch, release, preLabel, preNumber, post, dev, List.of());
  }

  @Override
  public int compareTo(Pep440Version other) {
    int c = epoch.compareTo(other.epoch);
    if (c != 0) {
      return c;
    }
    c = compareRelease(trimmed(release), trimmed(other.release));
    if (c != 0) {
      return c;
    }
    c = Integer.compare(preRank(), other.preRank());
    if (c != 0) {
      return c;
    }
    if (preLabel != null) {
      c = preNumber.compareTo(other.preNumber);
      if (c != 0) {
        return c;
      }
    }
    c = compareOptional(post, other.post, -1);
    if (c != 0) {
      return c;
    }
    c = compareOptional(dev, other.dev, 1);
    if (c != 0) {
      return c;
    }
    return compareLocal(local, other.local);
  }

  /**
   * A release with only a dev part sorts before its pre-releases; one without a pre part after
   * them; otherwise by label ({@code a < b < rc}).
   */
  private int preRank() {
    if (preLabel == null) {
      return post == null && dev != null ? 0 : 4;
    }
    return switch (preLabel) {
      case "a" -> 1;
      case "b" -> 2;
      default -> 3;
    };
  }

  /** {@code absentSign}: where an absent value sorts, -1 before every value, 1 after. */
  private static int compareOptional(BigInteger a, BigInteger b, int absentSign) {
    if (a == null && b == null) {
      return 0;
    }
    if (a == null) {
      return absentSign;
    }
    if (b == null) {
      return -absentSign;
    }
    return a.compareTo(b);
  }

  static int compareRelease(List<BigInteger> a, List<BigInteger> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  static List<BigInteger> trimmed(List<BigInteger> release) {
    int end = release.size();
    while (end > 1 && release.get(end - 1).signum() == 0) {
      end--;
    }
    return release.subList(0, end);
  }

  /**
   * No local label sorts first; segments compare in turn, numbers above words, words
   * alphabetically, numbers numerically; a shorter label that is a prefix sorts first.
   */
  private static int compareLocal(List<String> a, List<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return Boolean.compare(!a.isEmpty(), !b.isEmpty());
    }
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      String x = a.get(i);
      String y = b.get(i);
      boolean xNumber = Digits.allDigits(x);
      boolean yNumber = Digits.allDigits(y);
      int c;
      if (xNumber && yNumber) {
        c = Digits.compare(x, y);
      } else if (xNumber != yNumber) {
        c = xNumber ? 1 : -1;
      } else {
        c = Integer.signum(x.compareTo(y));
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  /** The normalised form, e.g. {@code 1!2.0rc1.post2.dev3+ubuntu.1}. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    if (epoch.signum() != 0) {
      out.append(epoch).append('!');
    }
    for (int i = 0; i < release.size(); i++) {
      out.append(i == 0 ? "" : ".").append(release.get(i));
    }
    if (preLabel != null) {
      out.append(preLabel).append(preNumber);
    }
    if (post != null) {
      out.append(".post").append(post);
    }
    if (dev != null) {
      out.append(".dev").append(dev);
    }
    if (!local.isEmpty()) {
      out.append('+').append(String.join(".", local));
    }
    return out.toString();
  }
}

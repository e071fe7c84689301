package dev.capsem.core.internal.manifest;

import dev.capsem.core.internal.json.FloatNode;
import dev.capsem.core.internal.json.IntegerNode;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.json.StringNode;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Asset versions {@code YYYY.MMDD.N}: the date of the build and a patch number that counts the
 * builds of that day. Ordering is numeric ({@link dev.capsem.core.internal.compat.Versions}), so
 * {@code .9} precedes {@code .10}.
 */
public final class AssetVersions {

  private AssetVersions() {}

  /** {@code YYYY.MMDD} of a day. */
  public static String prefix(LocalDate day) {
    return String.format(
        Locale.ROOT, "%04d.%02d%02d", day.getYear(), day.getMonthValue(), day.getDayOfMonth());
  }

  /**
   * Upstream's {@code next_asset_version}: today's prefix with a patch one above the greatest
   * integer patch of today already in {@code existing} (a format-2 manifest's release keys, or a
   * legacy manifest's {@code latest}); patch 1 when there is none. {@code existing} may be any JSON
   * value or {@code null}; nothing in it is required to be valid.
   */
  public static String next(Node existing, LocalDate today) {
    String prefix = prefix(today);
    BigInteger next = BigInteger.ONE;
    for (String version : versionsIn(existing)) {
      if (!version.startsWith(prefix + ".")) {
        continue;
      }
      BigInteger patch = pythonInt(version.substring(version.lastIndexOf('.') + 1));
      if (patch != null && patch.add(BigInteger.ONE).compareTo(next) > 0) {
        next = patch.add(BigInteger.ONE);
      }
    }
    return prefix + "." + next;
  }

  private static List<String> versionsIn(Node existing) {
    // Python truthiness: an empty object means "no manifest"; a non-object has no versions.
    if (!(existing instanceof ObjectNode manifest) || manifest.isEmpty()) {
      return List.of();
    }
    if (isTwo(manifest.get("format"))) {
      Node assets = manifest.get("assets");
      Node releases =
          assets instanceof ObjectNode assetsObject ? assetsObject.get("releases") : null;
      if (releases == null) {
        return List.of();
      }
      if (releases instanceof ObjectNode releasesObject) {
        return releasesObject.keys();
      }
    }
    Node latest = manifest.get("latest");
    return latest instanceof StringNode string && !string.value().isEmpty()
        ? List.of(string.value())
        : List.of();
  }

  /** {@code value == 2} in Python: {@code 2} and {@code 2.0}; a boolean never equals 2. */
  private static boolean isTwo(Node value) {
    if (value instanceof IntegerNode integer) {
      return integer.value().equals(BigInteger.TWO);
    }
    if (value instanceof FloatNode number) {
      return number.value() == 2.0;
    }
    return false;
  }

  /**
   * Python's {@code int(text)} for base 10: surrounding whitespace, a sign, digits with single
   * underscores between them. {@code null} where Python raises {@code ValueError}.
   */
  static BigInteger pythonInt(String text) {
    String s = text.strip();
    if (s.isEmpty()) {
      return null;
    }
    int start = s.charAt(0) == '+' || s.charAt(0) == '-' ? 1 : 0;
    StringBuilder digits = new StringBuilder();
    boolean lastWasDigit = false;
    for (int i = start; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '_' && lastWasDigit && i + 1 < s.length()) {
        lastWasDigit = false;
        continue;
      }
      int digit = Character.digit(c, 10);
      if (digit < 0) {
        return null;
      }
      digits.append((char) ('0' + digit));
      lastWasDigit = true;
    }
    if (digits.length() == 0 || !lastWasDigit) {
      return null;
    }
    BigInteger value = new BigInteger(digits.toString());
    return s.charAt(0) == '-' ? value.negate() : value;
  }
}

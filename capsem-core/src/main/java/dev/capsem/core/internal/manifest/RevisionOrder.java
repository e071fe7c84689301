package dev.capsem.core.internal.manifest;

import java.math.BigInteger;
import java.util.Comparator;

/**
 * Upstream's {@code _revision_key}: a profile revision {@code YYYY.MMDD.N} ordered by its three
 * numbers, so {@code 2026.0520.2} precedes {@code 2026.0520.10}. Only for revisions that passed the
 * revision pattern.
 */
final class RevisionOrder {

  static final Comparator<String> NUMERIC = RevisionOrder::compare;

  private RevisionOrder() {}

  static int compare(String a, String b) {
    String[] left = a.split("\\.");
    String[] right = b.split("\\.");
    for (int i = 0; i < Math.min(left.length, right.length); i++) {
      int order = new BigInteger(left[i]).compareTo(new BigInteger(right[i]));
      if (order != 0) {
        return order;
      }
    }
    return Integer.compare(left.length, right.length);
  }
}

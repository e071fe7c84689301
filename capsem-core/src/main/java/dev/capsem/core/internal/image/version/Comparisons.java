package dev.capsem.core.internal.image.version;

/** Whether an ordering result satisfies a plain comparison operator. */
final class Comparisons {

  private Comparisons() {}

  /** {@code order} is {@code actual.compareTo(bound)}. */
  static boolean holds(Operator op, int order) {
    return switch (op) {
      case GE -> order >= 0;
      case GT -> order > 0;
      case LE -> order <= 0;
      case LT -> order < 0;
      case EQ -> order == 0;
      case NE -> order != 0;
      default -> throw new IllegalArgumentException("not a plain comparison: " + op.symbol());
    };
  }
}

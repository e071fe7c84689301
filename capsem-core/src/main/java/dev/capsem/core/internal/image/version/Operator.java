package dev.capsem.core.internal.image.version;

/** The comparison operators a range may use; the longest spelling is matched first. */
enum Operator {
  ARBITRARY("==="),
  GE(">="),
  LE("<="),
  EQ("=="),
  NE("!="),
  COMPATIBLE("~="),
  GT(">"),
  LT("<"),
  CARET("^");

  private final String symbol;

  Operator(String symbol) {
    this.symbol = symbol;
  }

  String symbol() {
    return symbol;
  }

  /** The operator {@code clause} starts with, or {@code null}. */
  static Operator prefixOf(String clause) {
    for (Operator op : values()) {
      if (clause.startsWith(op.symbol)) {
        return op;
      }
    }
    return null;
  }
}

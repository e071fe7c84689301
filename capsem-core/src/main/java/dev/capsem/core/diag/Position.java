package dev.capsem.core.diag;

/** A 1-based line and column in an input file. */
public record Position(int line, int column) {

  public static final Position START = new Position(1, 1);

  public Position {
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("position must be 1-based: " + line + ":" + column);
    }
  }

  @Override
  public String toString() {
    return line + ":" + column;
  }
}

package dev.capsem.core.internal.json;

import dev.capsem.core.diag.Position;

/**
 * Positions in a text counted as Python counts characters: a surrogate pair (an emoji, say) is one
 * character, where Java's offsets count two. Texts without one, nearly all, take the plain offsets.
 */
final class TextPositions {

  private final String text;
  private final LineIndex lines;
  private final boolean pairs;

  TextPositions(String text) {
    this.text = text;
    this.lines = new LineIndex(text);
    this.pairs = text.codePointCount(0, text.length()) != text.length();
  }

  LineIndex lines() {
    return lines;
  }

  /** The 1-based line and character column of the UTF-16 offset {@code at}. */
  Position position(int at) {
    int start = lines.lineStart(at);
    return new Position(lines.line(at), (pairs ? text.codePointCount(start, at) : at - start) + 1);
  }

  /** The number of characters before the UTF-16 offset {@code at}. */
  int characters(int at) {
    return pairs ? text.codePointCount(0, at) : at;
  }
}

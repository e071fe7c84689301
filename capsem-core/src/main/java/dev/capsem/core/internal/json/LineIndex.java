package dev.capsem.core.internal.json;

import dev.capsem.core.diag.Position;
import java.util.Arrays;

/** Turns character offsets of a text into 1-based lines and columns in O(log lines). */
public final class LineIndex {

  private final int[] lineStarts;

  public LineIndex(String text) {
    int[] starts = new int[16];
    int count = 0;
    starts[count++] = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i + 1;
      }
    }
    this.lineStarts = Arrays.copyOf(starts, count);
  }

  /** The 1-based line holding {@code offset}. */
  public int line(int offset) {
    int found = Arrays.binarySearch(lineStarts, offset);
    return found >= 0 ? found + 1 : -found - 1;
  }

  /** The offset at which the line of {@code offset} starts. */
  public int lineStart(int offset) {
    return lineStarts[line(offset) - 1];
  }

  /** The offset at which a 1-based line starts, or -1 past the end. */
  public int startOfLine(int line) {
    return line >= 1 && line <= lineStarts.length ? lineStarts[line - 1] : -1;
  }

  public Position position(int offset) {
    return new Position(line(offset), offset - lineStart(offset) + 1);
  }
}

package dev.capsem.core.internal.detection;

import dev.capsem.core.diag.Position;
import dev.capsem.core.internal.json.LineIndex;

/**
 * Maps a line and column of a Sigma text to the file it was read from. Sigma embedded as a YAML
 * literal block ({@code content: |}) or a TOML multi-line string maps line for line; a Sigma file
 * maps to itself; anything else maps to where the content value starts.
 */
final class SigmaOrigin {

  private final String file;
  private final Position start;
  private final int lineOffset;
  private final int firstLineColumns;
  private final int columnOffset;
  private final boolean exact;

  private SigmaOrigin(
      String file,
      Position start,
      int lineOffset,
      int firstLineColumns,
      int columnOffset,
      boolean exact) {
    this.file = file;
    this.start = start;
    this.lineOffset = lineOffset;
    this.firstLineColumns = firstLineColumns;
    this.columnOffset = columnOffset;
    this.exact = exact;
  }

  /** A Sigma file of its own. */
  static SigmaOrigin ownFile(String file) {
    return new SigmaOrigin(file, Position.START, 0, 0, 0, true);
  }

  /** Content whose value starts at {@code start} in {@code file} ({@code text}). */
  static SigmaOrigin embedded(String file, String text, Position start) {
    if (text == null || start == null) {
      return new SigmaOrigin(file, start, 0, 0, 0, false);
    }
    LineIndex lines = new LineIndex(text);
    int at = lines.startOfLine(start.line());
    if (at < 0) {
      return new SigmaOrigin(file, start, 0, 0, 0, false);
    }
    at += start.column() - 1;
    if (at < text.length() && (text.charAt(at) == '|')) {
      int next = lines.startOfLine(start.line() + 1);
      int indent = 0;
      for (int line = start.line() + 1; next >= 0; line++, next = lines.startOfLine(line)) {
        int end = text.indexOf('\n', next);
        String content = text.substring(next, end < 0 ? text.length() : end);
        if (!content.isBlank()) {
          indent = content.length() - content.stripLeading().length();
          break;
        }
      }
      return new SigmaOrigin(file, start, start.line(), indent, indent, true);
    }
    if (text.startsWith("'''", at) || text.startsWith("\"\"\"", at)) {
      boolean newline = text.startsWith("\n", at + 3) || text.startsWith("\r\n", at + 3);
      return newline
          ? new SigmaOrigin(file, start, start.line(), 0, 0, true)
          : new SigmaOrigin(file, start, start.line() - 1, start.column() + 2, 0, true);
    }
    return new SigmaOrigin(file, start, 0, 0, 0, false);
  }

  String file() {
    return file;
  }

  /** The file position of Sigma position {@code inSigma} (1-based), or the content start. */
  Position at(Position inSigma) {
    if (!exact || inSigma == null) {
      return start;
    }
    int column = inSigma.column() + (inSigma.line() == 1 ? firstLineColumns : columnOffset);
    return new Position(inSigma.line() + lineOffset, column);
  }
}

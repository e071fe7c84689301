package dev.capsem.core.internal.manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@code B3SUMS} file: one line per asset, {@code <64 hex><two spaces><relative path>}, the
 * format of {@code b3sum}'s output. Reading follows upstream's parser ({@code line.split(None, 1)},
 * path stripped, lines with fewer than two fields skipped); writing gives {@code b3sum}'s bytes.
 */
public final class B3Sums {

  /** The file name inside an assets folder. */
  public static final String FILE_NAME = "B3SUMS";

  /**
   * One line.
   *
   * @param hash the first field, as written (normally 64 lower-case hex characters)
   * @param path the rest of the line, stripped; {@code arch/filename} or a bare file name
   */
  public record Line(String hash, String path) {

    public Line {
      Objects.requireNonNull(hash, "hash");
      Objects.requireNonNull(path, "path");
    }

    /** The folder part of {@code arch/filename}, or {@code unknown} for a bare file name. */
    public String arch() {
      int slash = path.indexOf('/');
      return slash < 0 ? "unknown" : path.substring(0, slash);
    }

    /** The part after the first {@code /}, or the whole path. */
    public String fileName() {
      int slash = path.indexOf('/');
      return slash < 0 ? path : path.substring(slash + 1);
    }
  }

  private B3Sums() {}

  /** Parses the text of a {@code B3SUMS} file (any line ending). */
  public static List<Line> parse(String text) {
    List<Line> lines = new ArrayList<>();
    for (String line : text.split("\r\n|\r|\n", -1)) {
      int start = skipSpace(line, 0);
      int end = start;
      while (end < line.length() && !isPythonSpace(line.charAt(end))) {
        end++;
      }
      int rest = skipSpace(line, end);
      if (end == start || rest >= line.length()) {
        continue;
      }
      lines.add(new Line(line.substring(start, end), strip(line.substring(rest))));
    }
    return lines;
  }

  /** The file text for {@code lines}, each ending in {@code \n}. */
  public static String format(List<Line> lines) {
    StringBuilder out = new StringBuilder();
    for (Line line : lines) {
      out.append(line.hash()).append("  ").append(line.path()).append('\n');
    }
    return out.toString();
  }

  private static int skipSpace(String text, int from) {
    int i = from;
    while (i < text.length() && isPythonSpace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static String strip(String text) {
    int start = skipSpace(text, 0);
    int end = text.length();
    while (end > start && isPythonSpace(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(start, end);
  }

  /** Python's {@code str.isspace()} for one character. */
  static boolean isPythonSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
  }
}

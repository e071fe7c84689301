package dev.capsem.core.internal.image;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Dockerfile the way Docker's parser does, written for tests from Docker's reference (not
 * from the renderer): parser directives on the first lines ({@code # escape=`}), comment and blank
 * lines skipped (inside continuations too), a line ending in the escape character (then blanks)
 * continued on the next line, and heredocs ({@code <<EOF}, {@code <<-EOF}, quoted markers) after
 * {@code RUN}, {@code COPY} and {@code ADD} consuming the lines up to their terminator. Each
 * instruction is summarised by its keyword and the shape of its arguments: for {@code RUN}, the
 * sequence of shell operators outside quotes and the number of words between them; for the others,
 * the number of words. Two Dockerfiles with the same summaries have the same instructions with the
 * same structure, whatever the words say.
 */
final class DockerfileInstructions {

  private static final Pattern DIRECTIVE =
      Pattern.compile("#\\s*([A-Za-z][A-Za-z0-9]*)\\s*=\\s*(.*?)\\s*");
  private static final Pattern HEREDOC = Pattern.compile("[0-9]*<<(-?)(['\"]?)([^<'\"]+)\\2");

  private DockerfileInstructions() {}

  /** One summary per instruction, in order ({@code RUN [&&:3,|:1,end:2]}, {@code FROM 3}). */
  static List<String> summaries(String dockerfile) {
    // bufio.ScanLines: split on \n, drop one \r before it.
    List<String> lines = new ArrayList<>();
    for (String line : dockerfile.split("\n", -1)) {
      lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
    }
    char escape = '\\';
    int i = 0;
    for (; i < lines.size(); i++) {
      Matcher directive = DIRECTIVE.matcher(lines.get(i));
      if (!directive.matches()) {
        break;
      }
      if (directive.group(1).equalsIgnoreCase("escape") && directive.group(2).length() == 1) {
        escape = directive.group(2).charAt(0);
      }
    }
    List<String> out = new ArrayList<>();
    while (i < lines.size()) {
      String line = lines.get(i++);
      if (skipped(line)) {
        continue;
      }
      StringBuilder logical = new StringBuilder();
      String current = line;
      while (true) {
        String trimmed = stripTrailingBlanks(current);
        if (!trimmed.isEmpty() && trimmed.charAt(trimmed.length() - 1) == escape) {
          logical.append(trimmed, 0, trimmed.length() - 1);
          while (i < lines.size() && skipped(lines.get(i))) {
            i++;
          }
          if (i >= lines.size()) {
            break;
          }
          current = lines.get(i++);
          continue;
        }
        logical.append(current);
        break;
      }
      String text = logical.toString().strip();
      int space = firstBlank(text);
      String keyword = (space < 0 ? text : text.substring(0, space)).toUpperCase(Locale.ROOT);
      String args = space < 0 ? "" : text.substring(space).strip();
      if (keyword.equals("RUN") || keyword.equals("COPY") || keyword.equals("ADD")) {
        for (String word : dockerWords(args)) {
          Matcher heredoc = HEREDOC.matcher(word);
          if (heredoc.matches()) {
            boolean stripTabs = !heredoc.group(1).isEmpty();
            String end = heredoc.group(3);
            while (i < lines.size()) {
              String body = lines.get(i++);
              if ((stripTabs ? body.replaceFirst("^\t+", "") : body).equals(end)) {
                break;
              }
            }
            keyword += " <<heredoc";
          }
        }
      }
      if (keyword.startsWith("RUN")) {
        String shape;
        try {
          shape = ShellShape.of(args);
        } catch (IllegalStateException unbalanced) {
          shape = "[unbalanced quotes]";
        }
        out.add(keyword + " " + shape);
      } else {
        out.add(keyword + " " + dockerWords(args).size());
      }
    }
    return out;
  }

  /**
   * Docker's own word split of an instruction's arguments (its shell lexer with quotes kept):
   * blanks outside single and double quotes separate words; a backslash escapes the next character.
   */
  static List<String> dockerWords(String args) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < args.length(); i++) {
      char c = args.charAt(i);
      if (quote == 0 && (c == ' ' || c == '\t')) {
        if (word.length() > 0) {
          words.add(word.toString());
          word.setLength(0);
        }
        continue;
      }
      word.append(c);
      if (c == '\\' && quote != '\'' && i + 1 < args.length()) {
        word.append(args.charAt(++i));
      } else if (quote == 0 && (c == '\'' || c == '"')) {
        quote = c;
      } else if (c == quote) {
        quote = 0;
      }
    }
    if (word.length() > 0) {
      words.add(word.toString());
    }
    return words;
  }

  private static boolean skipped(String line) {
    String stripped = line.stripLeading();
    return stripped.isEmpty() || stripped.startsWith("#");
  }

  private static String stripTrailingBlanks(String line) {
    int end = line.length();
    while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
      end--;
    }
    return line.substring(0, end);
  }

  private static int firstBlank(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == ' ' || text.charAt(i) == '\t') {
        return i;
      }
    }
    return -1;
  }

  /**
   * A POSIX shell command line's structure: words (quotes kept, {@code $(...)} and backquotes taken
   * whole) and the control and redirection operators outside them.
   */
  static final class ShellShape {

    private final String text;
    private int at;
    private final List<String> words = new ArrayList<>();
    private final List<String> shape = new ArrayList<>();

    private ShellShape(String text) {
      this.text = text;
    }

    /** {@code [&&:3, |:1, end:2]}: each operator with the words before it. */
    static String of(String command) {
      ShellShape parser = new ShellShape(command);
      parser.parse();
      return parser.shape.toString();
    }

    static List<String> rawWords(String command) {
      ShellShape parser = new ShellShape(command);
      parser.parse();
      return parser.words;
    }

    private void parse() {
      int count = 0;
      while (at < text.length()) {
        char c = text.charAt(at);
        if (c == ' ' || c == '\t') {
          at++;
          continue;
        }
        String operator = operator();
        if (operator != null) {
          shape.add(operator + ":" + count);
          count = 0;
          continue;
        }
        words.add(word());
        count++;
      }
      shape.add("end:" + count);
    }

    private String operator() {
      for (String op :
          List.of(
              "&&", "||", ";;", ">>", "<<", ">&", "<&", "&", "|", ";", ">", "<", "\n", "(", ")")) {
        if (text.startsWith(op, at)) {
          at += op.length();
          return op.equals("\n") ? "newline" : op;
        }
      }
      return null;
    }

    private String word() {
      int start = at;
      while (at < text.length()) {
        char c = text.charAt(at);
        if (c == ' ' || c == '\t' || "&|;<>()\n".indexOf(c) >= 0) {
          break;
        }
        if (c == '\\') {
          at += 2;
        } else if (c == '\'') {
          at = closing(at + 1, '\'');
        } else if (c == '"') {
          doubleQuoted();
        } else if (c == '`') {
          at = closing(at + 1, '`');
        } else if (text.startsWith("$(", at)) {
          at = substitution(at + 2);
        } else {
          at++;
        }
      }
      return text.substring(start, Math.min(at, text.length()));
    }

    private int closing(int from, char quote) {
      int end = text.indexOf(quote, from);
      if (end < 0) {
        throw new IllegalStateException("unterminated " + quote + " in: " + text);
      }
      return end + 1;
    }

    private void doubleQuoted() {
      at++;
      while (at < text.length()) {
        char c = text.charAt(at);
        if (c == '"') {
          at++;
          return;
        }
        if (c == '\\') {
          at += 2;
        } else if (text.startsWith("$(", at)) {
          at = substitution(at + 2);
        } else if (c == '`') {
          at = closing(at + 1, '`');
        } else {
          at++;
        }
      }
      throw new IllegalStateException("unterminated \" in: " + text);
    }

    /**
     * The index after the {@code )} that closes a command substitution starting at {@code from}.
     */
    private int substitution(int from) {
      int depth = 1;
      int i = from;
      while (i < text.length()) {
        char c = text.charAt(i);
        if (c == '\'') {
          i = closing(i + 1, '\'');
          continue;
        }
        if (c == '"') {
          int saved = at;
          at = i;
          doubleQuoted();
          i = at;
          at = saved;
          continue;
        }
        if (c == '\\') {
          i += 2;
          continue;
        }
        if (c == '(') {
          depth++;
        } else if (c == ')' && --depth == 0) {
          return i + 1;
        }
        i++;
      }
      throw new IllegalStateException("unterminated $( in: " + text);
    }
  }
}

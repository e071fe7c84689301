package dev.capsem.core.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The sizes of a module's classes, read from its sources: a file's lines, and each class's own
 * lines of code (its nested classes, blank lines, comments, and the declarations of command-line
 * options and Maven parameters with their annotations not counted). The face rules (a command or a
 * mojo of at most 60 lines of code) and the file rule (no main file over 500 lines) use it.
 */
public final class SourceSizes {

  /**
   * One class.
   *
   * @param file the source file
   * @param name the class's name, nested ones as {@code Outer.Inner}
   * @param codeLines its own lines of code
   * @param annotations the annotations written before it ({@code Command}, {@code Mojo}, ...)
   */
  public record ClassSize(Path file, String name, int codeLines, List<String> annotations) {}

  /** A file and its lines. */
  public record FileSize(Path file, int lines) {}

  private static final Pattern CLASS =
      Pattern.compile("\\b(?:class|record|enum|interface)\\s+([A-Z]\\w*)");
  private static final Pattern DECLARATION_ANNOTATION =
      Pattern.compile("^@(Option|Parameters|Parameter|Mixin|ArgGroup|Spec|Component)\\b.*");
  private static final Pattern ANNOTATION = Pattern.compile("@(\\w+)");

  private SourceSizes() {}

  /**
   * {@code Name: n lines of code} for each class {@code which} selects that has more than {@code
   * limit}.
   */
  public static List<String> classesOver(Path root, int limit, Predicate<ClassSize> which) {
    return classes(root).stream()
        .filter(which)
        .filter(c -> c.codeLines() > limit)
        .map(c -> c.name() + ": " + c.codeLines() + " lines of code")
        .toList();
  }

  /**
   * {@code path: n lines} for each {@code .java} file under {@code roots} longer than {@code
   * limit}.
   */
  public static List<String> filesOver(List<Path> roots, int limit) {
    return roots.stream()
        .flatMap(root -> files(root).stream())
        .filter(f -> f.lines() > limit)
        .map(f -> f.file() + ": " + f.lines() + " lines")
        .toList();
  }

  /** Every {@code .java} file under {@code root} with its line count. */
  public static List<FileSize> files(Path root) {
    return javaFiles(root).stream().map(file -> new FileSize(file, read(file).size())).toList();
  }

  /** Every class declared under {@code root}, nested ones included. */
  public static List<ClassSize> classes(Path root) {
    List<ClassSize> out = new ArrayList<>();
    for (Path file : javaFiles(root)) {
      out.addAll(classesOf(file, code(read(file))));
    }
    return out;
  }

  private static List<Path> javaFiles(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> read(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The lines with comments, string and character literals blanked (so that braces and keywords in
   * them do not count), each stripped.
   */
  static List<String> code(List<String> lines) {
    List<String> out = new ArrayList<>();
    boolean inBlockComment = false;
    boolean inTextBlock = false;
    for (String line : lines) {
      StringBuilder kept = new StringBuilder();
      int i = 0;
      while (i < line.length()) {
        if (inBlockComment) {
          int end = line.indexOf("*/", i);
          if (end < 0) {
            i = line.length();
          } else {
            inBlockComment = false;
            i = end + 2;
          }
        } else if (inTextBlock) {
          int end = line.indexOf("\"\"\"", i);
          kept.append('_');
          if (end < 0) {
            i = line.length();
          } else {
            inTextBlock = false;
            i = end + 3;
          }
        } else if (line.startsWith("//", i)) {
          i = line.length();
        } else if (line.startsWith("/*", i)) {
          inBlockComment = true;
          i += 2;
        } else if (line.startsWith("\"\"\"", i)) {
          inTextBlock = true;
          kept.append('_');
          i += 3;
        } else if (line.charAt(i) == '"' || line.charAt(i) == '\'') {
          char quote = line.charAt(i);
          int j = i + 1;
          while (j < line.length() && line.charAt(j) != quote) {
            j += line.charAt(j) == '\\' ? 2 : 1;
          }
          kept.append('_');
          i = j + 1;
        } else {
          kept.append(line.charAt(i));
          i++;
        }
      }
      out.add(kept.toString().strip());
    }
    return out;
  }

  private static List<ClassSize> classesOf(Path file, List<String> code) {
    List<ClassSize> out = new ArrayList<>();
    collect(file, code, 0, code.size(), "", out);
    return out;
  }

  /** The classes declared directly in lines [from, to), and theirs, recursively. */
  private static void collect(
      Path file, List<String> code, int from, int to, String outer, List<ClassSize> out) {
    int line = from;
    while (line < to) {
      Matcher declaration = CLASS.matcher(code.get(line));
      if (!declaration.find() || code.get(line).startsWith("@")) {
        line++;
        continue;
      }
      int open = line;
      while (open < to && !code.get(open).contains("{")) {
        open++;
      }
      int close = closingLine(code, open);
      String name = outer.isEmpty() ? declaration.group(1) : outer + "." + declaration.group(1);
      List<String> annotations = annotationsBefore(code, line);
      int own = countOwn(code, line, close);
      out.add(new ClassSize(file, name, own, annotations));
      collect(file, code, open + 1, close, name, out);
      line = close + 1;
    }
  }

  /** The line of the brace that closes the one opened on {@code open}. */
  private static int closingLine(List<String> code, int open) {
    int depth = 0;
    for (int line = open; line < code.size(); line++) {
      for (char c : code.get(line).toCharArray()) {
        if (c == '{') {
          depth++;
        } else if (c == '}') {
          depth--;
          if (depth == 0) {
            return line;
          }
        }
      }
    }
    throw new IllegalStateException("unbalanced braces after line " + (open + 1));
  }

  /** The annotations right above a declaration (over several lines too) and on its line. */
  private static List<String> annotationsBefore(List<String> code, int declaration) {
    List<String> names = new ArrayList<>();
    int depth = 0;
    for (int line = declaration - 1; line >= 0; line--) {
      String text = code.get(line);
      depth += count(text, ')') - count(text, '(');
      if (depth == 0 && !text.startsWith("@")) {
        break;
      }
      Matcher annotation = ANNOTATION.matcher(text);
      if (text.startsWith("@") && annotation.find()) {
        names.add(0, annotation.group(1));
      }
    }
    Matcher inline = ANNOTATION.matcher(code.get(declaration));
    while (inline.find()) {
      names.add(inline.group(1));
    }
    return names;
  }

  /**
   * Lines of code of the class on [declaration, close], its body only: without its nested classes
   * (and their annotations), blank and comment lines, and annotated option declarations.
   */
  private static int countOwn(List<String> code, int declaration, int close) {
    int count = 0;
    int line = declaration + 1;
    while (line < close) {
      String text = code.get(line);
      int annotated = text.startsWith("@") ? endOfAnnotation(code, line) + 1 : line;
      if (isClass(code.get(annotated))) {
        int open = annotated;
        while (!code.get(open).contains("{")) {
          open++;
        }
        line = closingLine(code, open) + 1;
        continue;
      }
      if (DECLARATION_ANNOTATION.matcher(text).matches()) {
        line = endOfDeclaration(code, line) + 1;
        continue;
      }
      if (!text.isEmpty()) {
        count++;
      }
      line++;
    }
    return count;
  }

  private static boolean isClass(String text) {
    return !text.startsWith("@") && !text.startsWith("return") && CLASS.matcher(text).find();
  }

  /** The last line of the annotation starting on {@code line} (its parentheses closed). */
  private static int endOfAnnotation(List<String> code, int line) {
    int depth = 0;
    for (int i = line; i < code.size(); i++) {
      depth += count(code.get(i), '(') - count(code.get(i), ')');
      if (depth <= 0) {
        return i;
      }
    }
    return line;
  }

  /** The line of the {@code ;} that ends an annotated field declaration. */
  private static int endOfDeclaration(List<String> code, int line) {
    int depth = 0;
    for (int i = line; i < code.size(); i++) {
      String text = code.get(i);
      depth += count(text, '(') - count(text, ')');
      if (depth <= 0 && text.endsWith(";")) {
        return i;
      }
    }
    return line;
  }

  private static int count(String text, char c) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }
}

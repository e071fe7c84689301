package dev.capsem.core.internal.schema;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.Position;
import dev.capsem.core.internal.json.JsonDialect;
import dev.capsem.core.internal.json.JsonReader;
import dev.capsem.core.internal.json.JsonSyntaxException;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.toml.TomlReader;
import dev.capsem.core.internal.toml.TomlSyntaxException;
import dev.capsem.core.ports.FileAccess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A profile or settings file read the way upstream's admin reads it: a {@code .json} suffix (any
 * case) means JSON, anything else TOML; the bytes must be UTF-8. A file that cannot be read or
 * parsed yields exactly one diagnostic, at path {@code ""} for JSON and upstream's literal {@code
 * settings} for everything else, or (ours) the kind of file when a reader names it ({@code
 * catalog}, {@code enforcement_pack}, ...): a parse error of a pack labelled {@code settings} sent
 * people looking in the wrong file.
 *
 * @param tree the parsed document, or {@code null} when it could not be parsed
 * @param problems the one reason it could not be read or parsed, if any
 */
public record InputDocument(Node tree, List<Diagnostic> problems) {

  /** Upstream's location for any error that is not a validation error. */
  public static final String NON_VALIDATION_PATH = "settings";

  public InputDocument {
    problems = List.copyOf(problems);
  }

  public boolean parsed() {
    return tree != null;
  }

  /** Reads {@code file}; {@code shownAs} is how diagnostics name it. */
  public static InputDocument read(Path file, String shownAs) {
    return read(FileAccess.local(), file, shownAs, NON_VALIDATION_PATH);
  }

  /** Reads {@code file}, labelling a failure to read or parse it {@code kind}. */
  public static InputDocument read(Path file, String shownAs, String kind) {
    return read(FileAccess.local(), file, shownAs, kind);
  }

  /** Reads {@code file} through {@code files}; {@code shownAs} is how diagnostics name it. */
  public static InputDocument read(FileAccess files, Path file, String shownAs) {
    return read(files, file, shownAs, NON_VALIDATION_PATH);
  }

  /**
   * Reads {@code file} through {@code files}, labelling a failure to read or parse it {@code kind}.
   */
  public static InputDocument read(FileAccess files, Path file, String shownAs, String kind) {
    byte[] bytes;
    try {
      bytes = files.read(file);
    } catch (IOException e) {
      return failed(Code.E002, shownAs, kind, null, PythonErrors.describe(e, file));
    }
    return parse(bytes, shownAs, isJson(file.getFileName().toString()), kind);
  }

  /** Parses in-memory content as JSON or TOML. */
  public static InputDocument parse(byte[] bytes, String shownAs, boolean json) {
    return parse(bytes, shownAs, json, NON_VALIDATION_PATH);
  }

  /** As {@link #parse(byte[], String, boolean)}, labelling a TOML or UTF-8 failure {@code kind}. */
  public static InputDocument parse(byte[] bytes, String shownAs, boolean json, String kind) {
    Utf8Check.Result utf8 = Utf8Check.decode(bytes);
    if (utf8.error() != null) {
      return failed(Code.E002, shownAs, kind, utf8.position(), utf8.error());
    }
    String text = utf8.text();
    if (json) {
      try {
        return new InputDocument(JsonReader.read(text, JsonDialect.PYDANTIC), List.of());
      } catch (JsonSyntaxException e) {
        return failed(e.code(), shownAs, "", e.position(), "Invalid JSON: " + e.getMessage());
      }
    }
    try {
      return new InputDocument(TomlReader.read(text), List.of());
    } catch (TomlSyntaxException e) {
      return failed(Code.E002, shownAs, kind, e.position(), e.getMessage());
    }
  }

  /**
   * The text of {@code bytes}, or null when they are not UTF-8; {@code problem} then receives the
   * position of the first bad byte.
   */
  public static String utf8(byte[] bytes, java.util.function.Consumer<Position> problem) {
    Utf8Check.Result utf8 = Utf8Check.decode(bytes);
    if (utf8.error() != null) {
      problem.accept(utf8.position());
      return null;
    }
    return utf8.text();
  }

  public static boolean isJson(String fileName) {
    return fileName.toLowerCase(Locale.ROOT).endsWith(".json");
  }

  private static InputDocument failed(
      Code code, String file, String path, Position position, String message) {
    return new InputDocument(null, List.of(new Diagnostic(code, file, path, position, message)));
  }
}

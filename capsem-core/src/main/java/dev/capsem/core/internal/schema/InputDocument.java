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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A profile or settings file read the way upstream's admin reads it: a {@code .json} suffix (any
 * case) means JSON, anything else TOML; the bytes must be UTF-8. A file that cannot be read or
 * parsed yields exactly one diagnostic, at path {@code ""} for JSON and upstream's literal {@code
 * settings} for everything else.
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
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      return failed(Code.E002, shownAs, NON_VALIDATION_PATH, null, PythonErrors.describe(e, file));
    }
    return parse(bytes, shownAs, isJson(file.getFileName().toString()));
  }

  /** Parses in-memory content as JSON or TOML. */
  public static InputDocument parse(byte[] bytes, String shownAs, boolean json) {
    Utf8Check.Result utf8 = Utf8Check.decode(bytes);
    if (utf8.error() != null) {
      return failed(Code.E002, shownAs, NON_VALIDATION_PATH, utf8.position(), utf8.error());
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
      return failed(Code.E002, shownAs, NON_VALIDATION_PATH, e.position(), e.getMessage());
    }
  }

  public static boolean isJson(String fileName) {
    return fileName.toLowerCase(Locale.ROOT).endsWith(".json");
  }

  private static InputDocument failed(
      Code code, String file, String path, Position position, String message) {
    return new InputDocument(null, List.of(new Diagnostic(code, file, path, position, message)));
  }
}

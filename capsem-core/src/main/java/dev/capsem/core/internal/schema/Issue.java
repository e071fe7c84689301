package dev.capsem.core.internal.schema;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.Position;
import java.util.Objects;

/** One validation failure, before it is attributed to a file. */
public record Issue(SchemaPath path, Position position, Code code, String message) {

  public Issue {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }

  public Diagnostic in(String file) {
    return new Diagnostic(code, file, path.toString(), position, message);
  }
}

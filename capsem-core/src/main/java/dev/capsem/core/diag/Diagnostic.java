package dev.capsem.core.diag;

import java.util.Objects;

/**
 * One finding about an input: what is wrong ({@code code}, {@code message}), where ({@code file},
 * {@code path} as upstream's dotted location, {@code position} in the file) and how bad.
 *
 * @param code the catalogue code
 * @param file the file as the user named it, or {@code null} when no file is involved
 * @param path upstream's dotted location ({@code vm.cpus}, {@code mcpServers.x}); empty at the root
 * @param position the 1-based line and column in the file, or {@code null} when unknown
 * @param message upstream's message text where upstream has one
 *     <p>Secrets in {@code path} and {@code message} are redacted on construction ({@link
 *     SecretShapes}).
 */
public record Diagnostic(Code code, String file, String path, Position position, String message) {

  public Diagnostic {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
    // A secret never leaves in a finding, whichever check repeated the value that held it.
    path = SecretShapes.redact(path);
    message = SecretShapes.redact(message);
  }

  public static Diagnostic of(
      Code code, String file, String path, Position position, String message) {
    return new Diagnostic(code, file, path, position, message);
  }

  public Severity severity() {
    return code.severity();
  }

  public boolean isError() {
    return code.severity() == Severity.ERROR;
  }

  /** The same finding attributed to another file (positions keep their meaning). */
  public Diagnostic inFile(String otherFile) {
    return new Diagnostic(code, otherFile, path, position, message);
  }
}

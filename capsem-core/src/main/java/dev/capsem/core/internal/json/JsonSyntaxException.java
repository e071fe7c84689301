package dev.capsem.core.internal.json;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Position;

/**
 * Input that is not JSON. The message follows the dialect the reader was asked to speak, so that
 * reports match upstream's wording.
 */
public final class JsonSyntaxException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient Position position;
  private final Code code;

  JsonSyntaxException(String message, Position position) {
    this(message, position, Code.E002);
  }

  JsonSyntaxException(String message, Position position, Code code) {
    super(message);
    this.position = position;
    this.code = code;
  }

  /** {@link Code#E002} for malformed JSON, {@link Code#E572} for a repeated key. */
  public Code code() {
    return code;
  }

  /** The 1-based position of the problem. */
  public Position position() {
    return position;
  }
}

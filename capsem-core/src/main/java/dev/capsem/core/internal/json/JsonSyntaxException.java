package dev.capsem.core.internal.json;

import dev.capsem.core.diag.Position;

/**
 * Input that is not JSON. The message follows the dialect the reader was asked to speak, so that
 * reports match upstream's wording.
 */
public final class JsonSyntaxException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient Position position;

  JsonSyntaxException(String message, Position position) {
    super(message);
    this.position = position;
  }

  /** The 1-based position of the problem. */
  public Position position() {
    return position;
  }
}

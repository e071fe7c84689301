package dev.capsem.core.internal.toml;

import dev.capsem.core.diag.Position;

/** Input that is not TOML 1.0. */
public final class TomlSyntaxException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient Position position;

  TomlSyntaxException(String message, Position position) {
    super(message);
    this.position = position;
  }

  public Position position() {
    return position;
  }
}

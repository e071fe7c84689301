package dev.capsem.core.internal.detection;

import dev.capsem.core.diag.Position;

/** YAML that cannot be read: its parser's words and where, 1-based. */
final class YamlProblem extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient Position position;

  YamlProblem(String message, Position position) {
    super(message, null, false, false);
    this.position = position;
  }

  Position position() {
    return position;
  }
}

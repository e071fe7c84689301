package dev.capsem.core.internal.json;

import dev.capsem.core.diag.Position;

/** {@code true} or {@code false}. */
public record BooleanNode(boolean value, Position position) implements Node {

  public static BooleanNode of(boolean value) {
    return new BooleanNode(value, null);
  }
}

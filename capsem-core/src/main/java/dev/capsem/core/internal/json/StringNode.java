package dev.capsem.core.internal.json;

import dev.capsem.core.diag.Position;
import java.util.Objects;

/** A string value. */
public record StringNode(String value, Position position) implements Node {

  public StringNode {
    Objects.requireNonNull(value, "value");
  }

  public static StringNode of(String value) {
    return new StringNode(value, null);
  }
}

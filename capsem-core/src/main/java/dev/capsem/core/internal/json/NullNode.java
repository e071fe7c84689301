package dev.capsem.core.internal.json;

import dev.capsem.core.diag.Position;

/** JSON {@code null}. TOML has none. */
public record NullNode(Position position) implements Node {

  public static NullNode of() {
    return new NullNode(null);
  }
}

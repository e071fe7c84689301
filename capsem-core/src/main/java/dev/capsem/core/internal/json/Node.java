package dev.capsem.core.internal.json;

import dev.capsem.core.diag.Position;

/**
 * A JSON-like value read from a JSON or TOML file, or built in code. Every node remembers where it
 * came from, so that a diagnostic can point at the offending text.
 */
public sealed interface Node
    permits ObjectNode, ArrayNode, StringNode, IntegerNode, FloatNode, BooleanNode, NullNode {

  /** Where the value starts in its input, or {@code null} for values built in code. */
  Position position();
}

package dev.capsem.core.internal.json;

import dev.capsem.core.diag.Position;
import java.util.List;

/** An ordered list of values. */
public record ArrayNode(List<Node> items, Position position) implements Node {

  public ArrayNode {
    items = List.copyOf(items);
  }

  public static ArrayNode of(List<? extends Node> items) {
    return new ArrayNode(List.copyOf(items), null);
  }

  public static ArrayNode ofStrings(List<String> values) {
    return of(values.stream().map(StringNode::of).toList());
  }

  public int size() {
    return items.size();
  }

  public Node get(int index) {
    return items.get(index);
  }
}

package dev.capsem.core.internal.workspace;

import dev.capsem.core.diag.Position;
import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;

/**
 * One parsed TOML file of a guest-config directory, named relative to the guest directory ({@code
 * config/ai/google.toml}), with the positions diagnostics need.
 */
record ConfigFile(String name, ObjectNode tree) {

  /** The position of the value at a dotted path (numeric segments index arrays), or null. */
  Position position(String... path) {
    Node node = tree;
    Position found = tree.position();
    for (String segment : path) {
      if (node instanceof ObjectNode object && object.member(segment) != null) {
        ObjectNode.Member member = object.member(segment);
        node = member.value();
        found = node.position() != null ? node.position() : member.keyPosition();
      } else if (node instanceof ArrayNode array && segment.chars().allMatch(Character::isDigit)) {
        int index = Integer.parseInt(segment);
        if (index >= array.size()) {
          return found;
        }
        node = array.get(index);
        found = node.position() != null ? node.position() : found;
      } else {
        return found;
      }
    }
    return found;
  }

  /** The position of a key itself (a table header for tables). */
  Position keyPosition(String... path) {
    Node node = tree;
    Position found = tree.position();
    for (String segment : path) {
      if (node instanceof ObjectNode object && object.member(segment) != null) {
        found = object.member(segment).keyPosition();
        node = object.member(segment).value();
      } else {
        return found;
      }
    }
    return found;
  }
}

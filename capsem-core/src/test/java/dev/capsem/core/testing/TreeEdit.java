package dev.capsem.core.testing;

import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import java.util.Arrays;
import java.util.List;

/**
 * Edits a document tree by dotted path, for mutation tests. Keys holding dots are not supported.
 */
public final class TreeEdit {

  private TreeEdit() {}

  public static ObjectNode set(ObjectNode root, String dottedPath, Node value) {
    return edit(root, Arrays.asList(dottedPath.split("\\.")), value);
  }

  public static ObjectNode remove(ObjectNode root, String dottedPath) {
    return edit(root, Arrays.asList(dottedPath.split("\\.")), null);
  }

  private static ObjectNode edit(ObjectNode object, List<String> path, Node value) {
    String key = path.get(0);
    if (path.size() == 1) {
      ObjectNode.Builder out = ObjectNode.builder(object.position());
      for (ObjectNode.Member member : object.entries()) {
        if (member.key().equals(key)) {
          if (value != null) {
            out.put(key, member.keyPosition(), value);
          }
        } else {
          out.put(member.key(), member.keyPosition(), member.value());
        }
      }
      if (value != null && !object.has(key)) {
        out.put(key, value);
      }
      return out.build();
    }
    ObjectNode child = object.get(key) instanceof ObjectNode o ? o : ObjectNode.empty();
    return object.with(key, edit(child, path.subList(1, path.size()), value));
  }
}

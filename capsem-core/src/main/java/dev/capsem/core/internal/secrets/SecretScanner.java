package dev.capsem.core.internal.secrets;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.SecretShapes;
import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.json.StringNode;
import dev.capsem.core.internal.schema.SchemaPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Recognises the key shapes of the common AI and code-hosting providers (upstream's patterns plus
 * OpenAI project keys, GitHub fine-grained tokens, AWS access keys and Slack tokens) anywhere in a
 * string. A secret is never repeated in output: only its well-known prefix is shown.
 */
public final class SecretScanner {

  private SecretScanner() {}

  /**
   * The redacted form of the first secret in {@code text} ({@code sk-ant-…}), or empty. A value
   * that is exactly a credential reference ({@code env:NAME}) never matches.
   */
  public static Optional<String> find(String text) {
    return SecretShapes.find(text);
  }

  /**
   * W005 for every string value and every key of a document that holds a secret, at the value's (or
   * the key's) position.
   */
  public static List<Diagnostic> scan(Node document, String file) {
    List<Diagnostic> found = new ArrayList<>();
    walk(document, SchemaPath.root(), file, found);
    return found;
  }

  /** The W005 message for a secret found at a location that is already in the diagnostic path. */
  public static String message(String redacted) {
    return "Potential secret (" + redacted + "): use a credential reference such as env:NAME";
  }

  private static void walk(Node node, SchemaPath path, String file, List<Diagnostic> found) {
    if (node instanceof StringNode string) {
      find(string.value())
          .ifPresent(
              redacted ->
                  found.add(
                      new Diagnostic(
                          Code.W005, file, path.toString(), node.position(), message(redacted))));
    } else if (node instanceof ObjectNode object) {
      for (ObjectNode.Member member : object.entries()) {
        SchemaPath at = path.child(member.key());
        find(member.key())
            .ifPresent(
                redacted ->
                    found.add(
                        new Diagnostic(
                            Code.W005,
                            file,
                            path.keyOf(member.key()).toString(),
                            member.keyPosition(),
                            message(redacted))));
        walk(member.value(), at, file, found);
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        walk(array.get(i), path.index(i), file, found);
      }
    }
  }
}

package dev.capsem.core.internal.secrets;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.json.StringNode;
import dev.capsem.core.internal.schema.SchemaPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the key shapes of the common AI and code-hosting providers (upstream's patterns plus
 * OpenAI project keys, GitHub fine-grained tokens, AWS access keys and Slack tokens) anywhere in a
 * string. A secret is never repeated in output: only its well-known prefix is shown.
 */
public final class SecretScanner {

  private record Shape(Pattern pattern, String shownPrefix) {}

  private static final List<Shape> SHAPES =
      List.of(
          new Shape(Pattern.compile("sk-ant-[A-Za-z0-9_-]{10,}"), "sk-ant-"),
          new Shape(Pattern.compile("sk-proj-[A-Za-z0-9_-]{20,}"), "sk-proj-"),
          new Shape(Pattern.compile("sk-[A-Za-z0-9]{20,}"), "sk-"),
          new Shape(Pattern.compile("AIza[A-Za-z0-9_-]{10,}"), "AIza"),
          new Shape(Pattern.compile("gh[pousr]_[A-Za-z0-9]{20,}"), null),
          new Shape(Pattern.compile("github_pat_[A-Za-z0-9_]{20,}"), "github_pat_"),
          new Shape(Pattern.compile("glpat-[A-Za-z0-9_-]{10,}"), "glpat-"),
          new Shape(Pattern.compile("AKIA[0-9A-Z]{16}"), "AKIA"),
          new Shape(Pattern.compile("xox[abprs]-[A-Za-z0-9-]{10,}"), null),
          new Shape(Pattern.compile("Bearer\\s+[A-Za-z0-9_.-]{20,}"), "Bearer "));

  private static final Pattern CREDENTIAL_REFERENCE = Pattern.compile("env:[A-Za-z_][A-Za-z0-9_]*");

  private SecretScanner() {}

  /**
   * The redacted form of the first secret in {@code text} ({@code sk-ant-…}), or empty. A value
   * that is exactly a credential reference ({@code env:NAME}) never matches.
   */
  public static Optional<String> find(String text) {
    if (CREDENTIAL_REFERENCE.matcher(text).matches()) {
      return Optional.empty();
    }
    for (Shape shape : SHAPES) {
      Matcher matcher = shape.pattern().matcher(text);
      if (matcher.find()) {
        String prefix =
            shape.shownPrefix() != null ? shape.shownPrefix() : matcher.group().substring(0, 4);
        return Optional.of(prefix + "…");
      }
    }
    return Optional.empty();
  }

  /** W005 for every string value of a document that holds a secret, at the value's position. */
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
        walk(member.value(), path.child(member.key()), file, found);
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        walk(array.get(i), path.index(i), file, found);
      }
    }
  }
}

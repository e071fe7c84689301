package dev.capsem.core.internal.workspace;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.Position;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.schema.InputDocument;
import dev.capsem.core.internal.schema.Issue;
import dev.capsem.core.internal.schema.Issues;
import dev.capsem.core.internal.schema.SchemaPath;
import dev.capsem.core.internal.toml.TomlReader;
import dev.capsem.core.internal.toml.TomlSyntaxException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The AI-provider definitions a build workspace's {@code config/ai/<id>.toml} files come from: a
 * folder of files laid out like upstream's {@code guest/config/ai} (one file per provider, named by
 * its id, holding one {@code [<id>]} table). Profile V2 names providers and their credentials; the
 * definition adds the CLI install, network, key and files the image templates need.
 */
public final class ProviderDefinitions {

  /** A provider's definition, normalised (legacy field order, defaults filled), or why not. */
  public record Definition(ObjectNode table, List<Diagnostic> diagnostics) {
    public Definition {
      diagnostics = List.copyOf(diagnostics);
    }
  }

  private ProviderDefinitions() {}

  /**
   * Reads {@code <dir>/<id>.toml}. {@code dirShown} is the folder as the user named it; {@code
   * profileShown} and {@code profilePath} say where the profile names the provider, for E106.
   */
  public static Definition load(
      Path dir, String dirShown, String id, String profileShown, String profilePath) {
    Path file = dir == null ? null : dir.resolve(id + ".toml");
    String shown = (dirShown == null ? "" : trimSlash(dirShown) + "/") + id + ".toml";
    if (file == null || !Files.isRegularFile(file)) {
      return failed(
          new Diagnostic(
              Code.E106,
              profileShown,
              profilePath,
              null,
              "no provider definition for AI provider '"
                  + id
                  + "' (expected "
                  + shown
                  + "; pass the folder of provider definitions)"));
    }
    ObjectNode tree;
    try {
      Position[] bad = new Position[1];
      String text = InputDocument.utf8(Files.readAllBytes(file), at -> bad[0] = at);
      if (text == null) {
        return failed(
            new Diagnostic(
                Code.E002, shown, "", bad[0], "Invalid TOML syntax: the file is not UTF-8 text"));
      }
      tree = TomlReader.read(text);
    } catch (TomlSyntaxException e) {
      return failed(
          new Diagnostic(
              Code.E002, shown, "", e.position(), "Invalid TOML syntax: " + e.getMessage()));
    } catch (IOException e) {
      return failed(new Diagnostic(Code.E002, shown, "", null, "cannot read: " + e.getMessage()));
    }
    ObjectNode.Member member = tree.member(id);
    if (member == null) {
      return failed(new Diagnostic(Code.E001, shown, id, Position.START, "Field required"));
    }
    Issues issues = new Issues();
    ObjectNode table =
        (ObjectNode)
            GuestConfigSchemas.AI_PROVIDER.check(member.value(), SchemaPath.of(id), issues);
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (Issue issue : issues.all()) {
      diagnostics.add(
          new Diagnostic(
              issue.code(),
              shown,
              issue.path().toString(),
              issue.position() != null ? issue.position() : member.keyPosition(),
              issue.message()));
    }
    return new Definition(diagnostics.isEmpty() ? table : null, diagnostics);
  }

  private static Definition failed(Diagnostic diagnostic) {
    return new Definition(null, List.of(diagnostic));
  }

  private static String trimSlash(String path) {
    return path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
  }
}

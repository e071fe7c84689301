package dev.capsem.core.internal.profile;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.report.DiagnosticJson;
import dev.capsem.core.internal.schema.InputDocument;
import dev.capsem.core.internal.schema.Issue;
import dev.capsem.core.internal.schema.Validated;
import dev.capsem.core.internal.secrets.SecretScanner;
import dev.capsem.core.ports.FileAccess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads and validates Profile V2 files: the admin model's findings first, then the runtime schema's
 * stricter rules, then the grammar of values that reach a build (E570), then secrets (W005). All
 * findings are reported at once.
 */
public final class ProfileReader {

  private ProfileReader() {}

  /** Reads a {@code .json} file as JSON and any other file as TOML. */
  public static ProfileCheck read(Path file, String shownAs) {
    return read(FileAccess.local(), new GivenPath(file, shownAs));
  }

  /** Reads a {@code .json} file as JSON and any other file as TOML, through {@code files}. */
  public static ProfileCheck read(FileAccess files, GivenPath file) {
    return check(InputDocument.read(files, file.path(), file.shown()), file.shown());
  }

  /**
   * Reads a profile for a use case whose outputs repeat its values (plan, workspace, image, SBOM,
   * release profile): a secret, only a warning (W005) when validating, is then an error (E573) at
   * the same place, since no output may carry it.
   */
  public static ProfileCheck readForOutputs(Path file, String shownAs) {
    return forOutputs(read(file, shownAs));
  }

  /** As {@link #readForOutputs(Path, String)}, through {@code files}. */
  public static ProfileCheck readForOutputs(FileAccess files, GivenPath file) {
    return forOutputs(read(files, file));
  }

  private static ProfileCheck forOutputs(ProfileCheck check) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    boolean secret = false;
    for (Diagnostic d : check.diagnostics()) {
      if (d.code() == Code.W005) {
        secret = true;
        diagnostics.add(
            new Diagnostic(
                Code.E573,
                d.file(),
                d.path(),
                d.position(),
                d.message()
                    + "; outputs derived from the profile (plan, workspace, image, SBOM) would"
                    + " repeat it"));
      } else {
        diagnostics.add(d);
      }
    }
    return secret ? new ProfileCheck(null, diagnostics) : check;
  }

  public static ProfileCheck check(InputDocument input, String shownAs) {
    if (!input.parsed()) {
      return new ProfileCheck(null, input.problems());
    }
    return check(input.tree(), shownAs);
  }

  /** Validates a document tree, read from a file or built in code. */
  public static ProfileCheck check(Node document, String shownAs) {
    Validated validated = ProfileSchema.PROFILE.validate(document);
    List<Diagnostic> diagnostics = new ArrayList<>();
    Set<String> reported = new HashSet<>();
    for (Issue issue : validated.issues()) {
      diagnostics.add(issue.in(shownAs));
      reported.add(issue.path().toString());
    }
    for (Issue issue : ProfileStrictRules.check(document)) {
      if (reported.add(issue.path().toString())) {
        diagnostics.add(issue.in(shownAs));
      }
    }
    for (Issue issue : BuildValueGrammar.check(document)) {
      if (reported.add(issue.path().toString())) {
        diagnostics.add(issue.in(shownAs));
      }
    }
    diagnostics.addAll(SecretScanner.scan(document, shownAs));
    Profile profile =
        validated.ok() && DiagnosticJson.noErrors(diagnostics)
            ? ProfileBinding.bind((ObjectNode) validated.value())
            : null;
    return new ProfileCheck(profile, diagnostics);
  }
}

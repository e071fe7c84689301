package dev.capsem.core.internal.profile;

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
 * stricter rules, then secrets (W005). All findings are reported at once.
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
    diagnostics.addAll(SecretScanner.scan(document, shownAs));
    Profile profile =
        validated.ok() && DiagnosticJson.noErrors(diagnostics)
            ? ProfileBinding.bind((ObjectNode) validated.value())
            : null;
    return new ProfileCheck(profile, diagnostics);
  }
}

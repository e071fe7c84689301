package dev.capsem.core.internal.settings;

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
import java.util.List;
import java.util.Map;

/**
 * Reads and validates Service Settings V2 files: the admin model's findings, then secrets (W005),
 * all reported at once. The environment supplies the default user profile folder.
 */
public final class SettingsReader {

  private SettingsReader() {}

  /** Reads a {@code .json} file (any case) as JSON and any other file as TOML. */
  public static SettingsCheck read(Path file, String shownAs, Map<String, String> environment) {
    return check(InputDocument.read(file, shownAs), shownAs, environment);
  }

  /** Reads {@code file} through {@code files}. */
  public static SettingsCheck read(
      FileAccess files, GivenPath file, Map<String, String> environment) {
    return check(InputDocument.read(files, file.path(), file.shown()), file.shown(), environment);
  }

  public static SettingsCheck check(
      InputDocument input, String shownAs, Map<String, String> environment) {
    if (!input.parsed()) {
      return new SettingsCheck(null, input.problems());
    }
    return check(input.tree(), shownAs, environment);
  }

  /** Validates a document tree, read from a file or built in code. */
  public static SettingsCheck check(
      Node document, String shownAs, Map<String, String> environment) {
    Validated validated =
        SettingsSchema.settings(SettingsDefaults.userProfileDirs(environment)).validate(document);
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (Issue issue : validated.issues()) {
      diagnostics.add(issue.in(shownAs));
    }
    diagnostics.addAll(SecretScanner.scan(document, shownAs));
    ServiceSettings settings =
        validated.ok() && DiagnosticJson.noErrors(diagnostics)
            ? SettingsBinding.bind((ObjectNode) validated.value())
            : null;
    return new SettingsCheck(settings, diagnostics);
  }
}

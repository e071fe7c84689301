package dev.capsem.core.api;

import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.TextReport;
import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.BooleanNode;
import dev.capsem.core.internal.json.IntegerNode;
import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.report.DiagnosticJson;
import dev.capsem.core.internal.report.PythonPath;
import dev.capsem.core.internal.workspace.WorkspaceLint;
import dev.capsem.core.internal.workspace.WorkspaceLinter;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/** The workspace use cases. */
final class WorkspaceService implements WorkspaceUseCases {

  static final String VALIDATION_SCHEMA = "capsem.workspace-validation.v1";

  @Override
  public Outcome<TextReport> validate(GivenPath dir, GivenPath artifacts) {
    if (!Files.isDirectory(dir.path())) {
      // capsem-builder's own wording (lower-case "error:"), not Click's.
      String missing = "directory not found: " + dir.shown();
      return Outcome.checked(
          new TextReport(Outcome.failed(missing, List.of()).json(), "")
              .withFailures(List.of("error: " + missing)),
          false,
          List.of(),
          missing);
    }
    WorkspaceLint lint;
    try {
      lint =
          WorkspaceLinter.lint(
              dir.path(),
              dir.shown(),
              artifacts == null ? null : artifacts.path(),
              artifacts == null ? null : artifacts.shown());
    } catch (IOException e) {
      return Outcome.failed(
          "cannot read workspace " + dir.shown() + ": " + e.getMessage(), List.of());
    }
    ObjectNode report =
        ObjectNode.builder()
            .put("schema", VALIDATION_SCHEMA)
            .put("ok", BooleanNode.of(lint.ok()))
            .put("path", PythonPath.normalize(dir.shown()))
            .put(
                "diagnostics",
                ArrayNode.of(lint.diagnostics().stream().map(DiagnosticJson::withFile).toList()))
            .put("errors", IntegerNode.of(lint.errorCount()))
            .put("warnings", IntegerNode.of(lint.warningCount()))
            .put("summary", lint.summary())
            .build();
    return Outcome.checked(
        new TextReport(
            JsonPrinter.pretty().printLine(report),
            TextReport.lines(lint.textLines()),
            List.of(),
            List.of("workspace " + PythonPath.normalize(dir.shown()) + ": " + lint.summary()),
            true),
        lint.ok(),
        lint.diagnostics(),
        "the workspace " + PythonPath.normalize(dir.shown()) + " is invalid");
  }
}

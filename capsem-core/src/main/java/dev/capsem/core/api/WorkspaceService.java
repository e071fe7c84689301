package dev.capsem.core.api;

import dev.capsem.core.json.ArrayNode;
import dev.capsem.core.json.BooleanNode;
import dev.capsem.core.json.IntegerNode;
import dev.capsem.core.json.ObjectNode;
import dev.capsem.core.report.DiagnosticJson;
import dev.capsem.core.report.PythonPath;
import dev.capsem.core.workspace.WorkspaceLint;
import dev.capsem.core.workspace.WorkspaceLinter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The workspace use cases. */
final class WorkspaceService implements WorkspaceUseCases {

  static final String VALIDATION_SCHEMA = "capsem.workspace-validation.v1";

  @Override
  public WorkspaceValidation validate(
      Path dir, String dirAsGiven, Path artifacts, String artifactsAsGiven) {
    WorkspaceLint lint;
    try {
      lint = WorkspaceLinter.lint(dir, dirAsGiven, artifacts, artifactsAsGiven);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read workspace " + dirAsGiven, e);
    }
    ObjectNode report =
        ObjectNode.builder()
            .put("schema", VALIDATION_SCHEMA)
            .put("ok", BooleanNode.of(lint.ok()))
            .put("path", PythonPath.normalize(dirAsGiven))
            .put(
                "diagnostics",
                ArrayNode.of(lint.diagnostics().stream().map(DiagnosticJson::withFile).toList()))
            .put("errors", IntegerNode.of(lint.errorCount()))
            .put("warnings", IntegerNode.of(lint.warningCount()))
            .put("summary", lint.summary())
            .build();
    return new WorkspaceValidation(lint.ok(), lint.diagnostics(), lint.textLines(), report);
  }
}

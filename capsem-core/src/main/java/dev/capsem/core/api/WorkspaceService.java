package dev.capsem.core.api;

import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.BooleanNode;
import dev.capsem.core.internal.json.IntegerNode;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.report.DiagnosticJson;
import dev.capsem.core.internal.report.PythonPath;
import dev.capsem.core.internal.workspace.WorkspaceLint;
import dev.capsem.core.internal.workspace.WorkspaceLinter;
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

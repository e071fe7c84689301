package dev.capsem.core.internal.manifest;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.report.DiagnosticJson;
import java.util.List;
import java.util.Objects;

/**
 * Ours, beyond upstream: the catalog compared with the previously published one ({@code
 * --previous}), so that a release cannot silently replace bytes, roll the current revision back, or
 * drop a revision that clients may have installed.
 *
 * @param previousPath the previous catalog as the user named it
 * @param diagnostics E415 replaced payload, E416 current moved backwards, E417 vanished active
 *     revision, E576 revoked revision made active again
 */
public record HistoryCheck(String previousPath, List<Diagnostic> diagnostics) {

  public HistoryCheck {
    Objects.requireNonNull(previousPath, "previousPath");
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean ok() {
    return DiagnosticJson.noErrors(diagnostics);
  }

  public ObjectNode toJson() {
    return ObjectNode.builder()
        .put("path", previousPath)
        .put("ok", ok())
        .put("diagnostics", DiagnosticJson.array(diagnostics))
        .build();
  }
}

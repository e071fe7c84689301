package dev.capsem.core.internal.oci;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.report.DiagnosticJson;
import dev.capsem.core.ports.PublishedArtifact;
import java.util.List;

/** The report shape push and pull share. */
final class OutcomeReports {

  private OutcomeReports() {}

  static ObjectNode report(
      String schema,
      boolean ok,
      String referenceKey,
      String reference,
      PublishedArtifact artifact,
      List<Diagnostic> diagnostics) {
    ObjectNode.Builder report =
        ObjectNode.builder().put("schema", schema).put("ok", ok).put(referenceKey, reference);
    if (artifact != null) {
      report
          .put("reference", artifact.reference().toString())
          .put("manifest_digest", artifact.manifestDigest())
          .put("files", PushOutcome.fileArray(artifact));
    }
    return report.put("diagnostics", DiagnosticJson.array(diagnostics)).build();
  }
}

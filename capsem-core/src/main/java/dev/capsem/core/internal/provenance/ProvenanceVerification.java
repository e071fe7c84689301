package dev.capsem.core.internal.provenance;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.report.DiagnosticJson;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of {@code provenance verify}.
 *
 * @param envelope the envelope file as the user named it
 * @param keyId the minisign key id of the signature that verified, or null
 * @param builderId the statement's builder, or null when it could not be read
 * @param subjects how many subjects the statement names (0 when unreadable)
 * @param diagnostics every problem, in the order found
 */
public record ProvenanceVerification(
    String envelope, String keyId, String builderId, int subjects, List<Diagnostic> diagnostics) {

  /** The report's schema id. */
  public static final String SCHEMA = "capsem.provenance-verification.v1";

  public ProvenanceVerification {
    Objects.requireNonNull(envelope, "envelope");
    diagnostics = List.copyOf(diagnostics);
  }

  /** No error: signature, statement, predicate, subjects and expectations all hold. */
  public boolean ok() {
    return diagnostics.stream().noneMatch(Diagnostic::isError);
  }

  /** {@code {schema, ok, path, key_id, builder_id, subjects, diagnostics}}. */
  public ObjectNode report() {
    ObjectNode.Builder report =
        ObjectNode.builder().put("schema", SCHEMA).put("ok", ok()).put("path", envelope);
    if (keyId != null) {
      report.put("key_id", keyId);
    }
    if (builderId != null) {
      report.put("builder_id", builderId);
    }
    return report
        .put("subjects", subjects)
        .put("diagnostics", DiagnosticJson.array(diagnostics))
        .build();
  }
}

package dev.capsem.core.internal.oci;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.report.DiagnosticJson;
import dev.capsem.core.ports.PublishedArtifact;
import java.util.List;

/**
 * The outcome of {@code release pull}.
 *
 * @param source the reference as given
 * @param artifact what was fetched and verified, or null when the pull failed (then nothing was
 *     placed in the target folder)
 * @param signaturesVerified how many {@code .minisig} files verified against the public key
 * @param diagnostics every problem
 */
public record PullOutcome(
    String source,
    PublishedArtifact artifact,
    int signaturesVerified,
    List<Diagnostic> diagnostics) {

  public static final String SCHEMA = "capsem.release-pull.v1";

  public PullOutcome {
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean ok() {
    return artifact != null && DiagnosticJson.noErrors(diagnostics);
  }

  public ObjectNode report() {
    return OutcomeReports.report(SCHEMA, ok(), "source", source, artifact, diagnostics)
        .with(
            "signatures_verified",
            dev.capsem.core.internal.json.IntegerNode.of(signaturesVerified));
  }
}

package dev.capsem.core.internal.oci;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.report.DiagnosticJson;
import dev.capsem.core.ports.ArtifactLayer;
import dev.capsem.core.ports.PublishedArtifact;
import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of {@code release push}.
 *
 * @param target the reference as given
 * @param artifact what the registry now holds, or null when nothing was pushed
 * @param diagnostics every problem
 */
public record PushOutcome(String target, PublishedArtifact artifact, List<Diagnostic> diagnostics) {

  public static final String SCHEMA = "capsem.release-push.v1";

  public PushOutcome {
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean ok() {
    return artifact != null && DiagnosticJson.noErrors(diagnostics);
  }

  /**
   * {@code {schema, ok, target, reference, manifest_digest, files[{name, digest, size, url}],
   * diagnostics}}.
   */
  public ObjectNode report() {
    return OutcomeReports.report(SCHEMA, ok(), "target", target, artifact, diagnostics);
  }

  static List<Node> files(PublishedArtifact artifact) {
    List<Node> files = new ArrayList<>();
    for (ArtifactLayer layer : artifact.layers()) {
      files.add(
          ObjectNode.builder()
              .put("name", layer.name())
              .put("media_type", layer.mediaType())
              .put("digest", layer.digest())
              .put("size", layer.size())
              .put("url", RegistryUrls.blobUrl(artifact.reference(), layer.digest()))
              .build());
    }
    return files;
  }

  static ArrayNode fileArray(PublishedArtifact artifact) {
    return ArrayNode.of(files(artifact));
  }
}

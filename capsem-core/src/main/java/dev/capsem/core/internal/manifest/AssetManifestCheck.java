package dev.capsem.core.internal.manifest;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.report.DiagnosticJson;
import java.util.List;

/** A read asset manifest: the manifest when it has no errors, and every finding. */
public record AssetManifestCheck(AssetManifest manifest, List<Diagnostic> diagnostics) {

  public AssetManifestCheck {
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean ok() {
    return manifest != null && DiagnosticJson.noErrors(diagnostics);
  }
}

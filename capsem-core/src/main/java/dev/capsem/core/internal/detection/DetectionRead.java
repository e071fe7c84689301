package dev.capsem.core.internal.detection;

import dev.capsem.core.diag.Diagnostic;
import java.util.List;

/** The outcome of reading a detection pack envelope: the pack when valid, and every finding. */
public record DetectionRead(DetectionPack pack, List<Diagnostic> diagnostics) {

  public DetectionRead {
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean ok() {
    return pack != null;
  }
}

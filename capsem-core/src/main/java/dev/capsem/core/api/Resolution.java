package dev.capsem.core.api;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.compat.BootDecision;
import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.json.ObjectNode;
import java.util.List;

/**
 * The outcome of {@code manifest resolve}.
 *
 * @param decision the gate's answer, or {@code null} when the manifest is invalid
 * @param diagnostics the invalid manifest's findings, the refusal, or warnings
 * @param report {@code capsem.manifest-resolve.v1} (ours)
 */
public record Resolution(BootDecision decision, List<Diagnostic> diagnostics, ObjectNode report) {

  public static final String SCHEMA = "capsem.manifest-resolve.v1";

  public Resolution {
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean ok() {
    return decision != null && decision.ok();
  }

  public String reportJson() {
    return JsonPrinter.pretty().printLine(report);
  }
}

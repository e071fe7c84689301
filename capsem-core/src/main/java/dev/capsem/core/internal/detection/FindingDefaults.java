package dev.capsem.core.internal.detection;

import java.util.List;

/** A pack's defaults for its findings: severity, confidence and tags added to every rule. */
public record FindingDefaults(String defaultSeverity, String defaultConfidence, List<String> tags) {

  public FindingDefaults {
    tags = List.copyOf(tags);
  }
}

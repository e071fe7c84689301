package dev.capsem.core.internal.detection;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A valid detection pack envelope: identity, sources, field mapping (family to Sigma field to
 * context path) and finding defaults.
 *
 * @param baseDir where relative source paths are read from (the pack's folder), or {@code null}
 */
public record DetectionPack(
    String id,
    String version,
    String status,
    String owner,
    String description,
    List<DetectionSource> sources,
    Map<String, Map<String, String>> fieldMapping,
    FindingDefaults findings,
    Path baseDir,
    String file) {

  public DetectionPack {
    sources = List.copyOf(sources);
    fieldMapping = Map.copyOf(fieldMapping);
  }
}

package dev.capsem.core.internal.manifest;

import dev.capsem.core.internal.json.Nodes;
import java.util.Map;
import java.util.Objects;

/**
 * One profile of the catalog: its revisions in catalog order and which one is current.
 *
 * @param currentRevision an active revision listed in {@code revisions}
 * @param revisions revision ({@code YYYY.MMDD.N}) to record
 */
public record CatalogProfile(String currentRevision, Map<String, CatalogRevision> revisions) {

  public CatalogProfile {
    Objects.requireNonNull(currentRevision, "currentRevision");
    revisions = Nodes.ordered(revisions);
  }
}

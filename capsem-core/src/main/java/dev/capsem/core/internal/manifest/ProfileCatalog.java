package dev.capsem.core.internal.manifest;

import dev.capsem.core.internal.json.Nodes;
import java.util.Map;

/**
 * A valid format-1 profile catalog: which profiles and revisions exist, their payload hashes and
 * locations, their status and binary range.
 *
 * @param profiles profile id to profile, in catalog order
 */
public record ProfileCatalog(Map<String, CatalogProfile> profiles) {

  /** The value of {@code format}. */
  public static final int FORMAT = 1;

  public ProfileCatalog {
    profiles = Nodes.ordered(profiles);
  }
}

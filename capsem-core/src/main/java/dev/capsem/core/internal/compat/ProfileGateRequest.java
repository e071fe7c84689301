package dev.capsem.core.internal.compat;

import dev.capsem.core.internal.manifest.CatalogRevision;
import java.util.Objects;

/**
 * A catalog revision, the running binary, and what it wants to do.
 *
 * @param profileId the catalog key of the profile
 * @param revision the revision key
 * @param record the revision's catalog record (status, {@code min_binary}, {@code max_binary})
 * @param binaryVersion the running binary's version
 * @param action install/update, new VM or existing VM
 */
public record ProfileGateRequest(
    String profileId,
    String revision,
    CatalogRevision record,
    String binaryVersion,
    ProfileAction action) {

  public ProfileGateRequest {
    Objects.requireNonNull(profileId, "profileId");
    Objects.requireNonNull(revision, "revision");
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(binaryVersion, "binaryVersion");
    Objects.requireNonNull(action, "action");
  }
}

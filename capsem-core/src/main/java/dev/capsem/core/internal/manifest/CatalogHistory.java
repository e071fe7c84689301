package dev.capsem.core.internal.manifest;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rollback protection between two publications of a catalog. A revision is immutable once
 * published: its bytes never change under the same {@code id@revision}; the current revision only
 * moves forward; a revision that was active (so clients may have installed it) is deprecated or
 * revoked, never just dropped; and a revoked revision is never made installable again.
 */
public final class CatalogHistory {

  private CatalogHistory() {}

  /**
   * Every violation, in the previous catalog's order.
   *
   * @param currentShown how diagnostics name the new catalog
   */
  public static List<Diagnostic> compare(
      ProfileCatalog previous, ProfileCatalog current, String currentShown) {
    List<Diagnostic> problems = new ArrayList<>();
    for (Map.Entry<String, CatalogProfile> was : previous.profiles().entrySet()) {
      String id = was.getKey();
      CatalogProfile now = current.profiles().get(id);
      for (Map.Entry<String, CatalogRevision> revision : was.getValue().revisions().entrySet()) {
        String reference = id + "@" + revision.getKey();
        CatalogRevision before = revision.getValue();
        CatalogRevision after = now == null ? null : now.revisions().get(revision.getKey());
        String path = "profiles." + id + ".revisions." + revision.getKey();
        if (after == null) {
          if (before.status() == RevisionStatus.ACTIVE) {
            problems.add(
                Diagnostic.of(
                    Code.E417,
                    currentShown,
                    path,
                    null,
                    reference
                        + " was active and is no longer in the catalog; deprecate or revoke it"
                        + " instead"));
          }
          continue;
        }
        if (before.status() == RevisionStatus.REVOKED && after.status() != RevisionStatus.REVOKED) {
          problems.add(
              Diagnostic.of(
                  Code.E576,
                  currentShown,
                  path + ".status",
                  null,
                  reference
                      + " was revoked in the previous catalog and is "
                      + after.status().wireName()
                      + " now; a revoked revision stays revoked (publish a new revision)"));
        }
        if (!before.profileHash().equals(after.profileHash())) {
          problems.add(
              Diagnostic.of(
                  Code.E415,
                  currentShown,
                  path + ".profile_hash",
                  null,
                  reference
                      + ": the payload changed under the same revision (was "
                      + before.profileHash()
                      + ", now "
                      + after.profileHash()
                      + "); publish a new revision instead"));
        }
      }
      if (now != null
          && RevisionOrder.compare(now.currentRevision(), was.getValue().currentRevision()) < 0) {
        problems.add(
            Diagnostic.of(
                Code.E416,
                currentShown,
                "profiles." + id + ".current_revision",
                null,
                id
                    + ": current revision moved backwards from "
                    + was.getValue().currentRevision()
                    + " to "
                    + now.currentRevision()));
      }
    }
    return problems;
  }
}

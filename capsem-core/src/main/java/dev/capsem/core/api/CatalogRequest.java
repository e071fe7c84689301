package dev.capsem.core.api;

import dev.capsem.core.diag.GivenPath;
import java.util.List;
import java.util.Objects;

/**
 * One catalog over several releases: their release profiles, where the catalog goes, where the
 * profiles are served, and the key.
 *
 * @param out where {@code profiles/}, {@code manifest.json} and {@code minisign.pub} go
 * @param catalogBaseUrl where the profiles are served, or null for {@code file://} URLs
 */
public record CatalogRequest(
    List<GivenPath> releaseProfiles,
    GivenPath out,
    String catalogBaseUrl,
    ReleaseRequest.Publication publication,
    ReleaseRequest.Signing signing) {

  public CatalogRequest {
    releaseProfiles = List.copyOf(releaseProfiles);
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(publication, "publication");
    Objects.requireNonNull(signing, "signing");
  }
}

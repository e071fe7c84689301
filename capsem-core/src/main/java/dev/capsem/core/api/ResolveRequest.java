package dev.capsem.core.api;

import dev.capsem.core.diag.GivenPath;
import java.util.Objects;

/**
 * {@code manifest resolve}: which asset release a binary boots.
 *
 * @param manifest the format-2 asset manifest
 * @param manifestAsGiven the manifest as the user named it
 * @param binaryVersion the binary asking
 * @param arch one architecture, or {@code null} for all of the chosen release
 */
public record ResolveRequest(GivenPath manifest, String binaryVersion, String arch) {

  public ResolveRequest {
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(binaryVersion, "binaryVersion");
  }
}

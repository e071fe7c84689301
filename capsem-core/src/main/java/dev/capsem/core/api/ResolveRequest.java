package dev.capsem.core.api;

import java.nio.file.Path;
import java.util.Objects;

/**
 * {@code manifest resolve}: which asset release a binary boots.
 *
 * @param manifest the format-2 asset manifest
 * @param manifestAsGiven the manifest as the user named it
 * @param binaryVersion the binary asking
 * @param arch one architecture, or {@code null} for all of the chosen release
 */
public record ResolveRequest(
    Path manifest, String manifestAsGiven, String binaryVersion, String arch) {

  public ResolveRequest {
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(manifestAsGiven, "manifestAsGiven");
    Objects.requireNonNull(binaryVersion, "binaryVersion");
  }
}

package dev.capsem.core.api;

import dev.capsem.core.diag.GivenPath;
import java.util.Objects;

/**
 * Rebuild an image in a clean folder and compare it with the previous build.
 *
 * @param build the previous build: its assets folder holds the assets (and {@code B3SUMS}) to
 *     compare with
 * @param rebuildDir a folder for the rebuild (emptied first): its {@code workspace} and {@code
 *     assets}
 */
public record ReproducibilityRequest(ImageBuildRequest build, GivenPath rebuildDir) {

  public ReproducibilityRequest {
    Objects.requireNonNull(build, "build");
    Objects.requireNonNull(rebuildDir, "rebuildDir");
  }
}

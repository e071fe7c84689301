package dev.capsem.core.api;

import dev.capsem.core.diag.GivenPath;
import java.util.Objects;

/**
 * {@code image sbom}.
 *
 * @param inventory as for verification, or null for the assets folder's
 * @param outDir where {@code <arch>/guest-sbom.spdx.json} go, or null to print one arch's SBOM
 */
public record ImageSbomRequest(
    GivenPath profile, GivenPath assetsDir, String arch, GivenPath inventory, GivenPath outDir) {

  public ImageSbomRequest {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(assetsDir, "assetsDir");
    Objects.requireNonNull(arch, "arch");
  }
}

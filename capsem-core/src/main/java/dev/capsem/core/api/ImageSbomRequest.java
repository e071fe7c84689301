package dev.capsem.core.api;

import dev.capsem.core.diag.GivenPath;
import java.util.Objects;

/**
 * {@code image sbom PROFILE --assets-dir DIR [--arch] [--inventory] [--out-dir]}.
 *
 * @param inventory as for {@link ImageVerifyRequest#inventory()}
 * @param outDir where {@code <arch>/guest-sbom.spdx.json} go; {@code null} prints the one selected
 *     architecture's document
 */
public record ImageSbomRequest(
    GivenPath profile, GivenPath assetsDir, String arch, GivenPath inventory, GivenPath outDir) {

  public ImageSbomRequest {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(assetsDir, "assetsDir");
    Objects.requireNonNull(arch, "arch");
  }
}

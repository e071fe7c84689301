package dev.capsem.core.api;

import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.internal.image.ArchSelection;
import java.util.List;
import java.util.Objects;

/**
 * {@code image verify}.
 *
 * @param inventory an inventory file for one arch or a folder of {@code
 *     <arch>/image-inventory.json}, or null for the assets folder's
 * @param doctorBundles {@code capsem-doctor --bundle} tars from booted images
 */
public record ImageVerifyRequest(
    GivenPath profile,
    GivenPath assetsDir,
    String arch,
    GivenPath inventory,
    List<GivenPath> doctorBundles,
    VersionMatch versionMatch) {

  /** The {@code arch} that means each architecture the profile declares assets for. */
  public static final String DECLARED_ARCHES = ArchSelection.DECLARED;

  public ImageVerifyRequest {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(assetsDir, "assetsDir");
    Objects.requireNonNull(arch, "arch");
    doctorBundles = List.copyOf(doctorBundles);
    Objects.requireNonNull(versionMatch, "versionMatch");
  }
}

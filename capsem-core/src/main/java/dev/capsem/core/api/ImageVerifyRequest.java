package dev.capsem.core.api;

import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.internal.image.version.VersionMatching;
import java.util.List;
import java.util.Objects;

/**
 * {@code image verify PROFILE --assets-dir DIR [--arch] [--inventory] [--doctor-bundle]...
 * [--version-match]}.
 *
 * @param arch {@code all}, {@code arm64} or {@code x86_64}
 * @param inventory a file (one architecture) or a folder of {@code <arch>/image-inventory.json};
 *     {@code null} to look under the assets folder
 * @param versionMatching {@link VersionMatching#EXACT} is upstream's rule
 */
public record ImageVerifyRequest(
    GivenPath profile,
    GivenPath assetsDir,
    String arch,
    GivenPath inventory,
    List<GivenPath> doctorBundles,
    VersionMatching versionMatching) {

  public ImageVerifyRequest {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(assetsDir, "assetsDir");
    Objects.requireNonNull(arch, "arch");
    doctorBundles = List.copyOf(doctorBundles);
    Objects.requireNonNull(versionMatching, "versionMatching");
  }
}

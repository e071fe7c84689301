package dev.capsem.core.api;

import dev.capsem.core.diag.GivenPath;
import java.util.Objects;

/**
 * Derive the profile a release publishes from the source profile and the build's asset manifest.
 *
 * @param profile the source profile
 * @param assetsDir the built assets, with the {@code manifest.json} the build wrote
 * @param arch {@code all}, {@code arm64} or {@code x86_64}: the architectures the release covers
 * @param assetBaseUrl where {@code assetsDir} is published ({@code <arch>/<file>} below it), or
 *     null for the folder's own {@code file://} URL (a local release)
 * @param out the release profile to write ({@code .json})
 */
public record ReleaseProfileRequest(
    GivenPath profile, GivenPath assetsDir, String arch, String assetBaseUrl, GivenPath out) {

  public ReleaseProfileRequest {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(assetsDir, "assetsDir");
    Objects.requireNonNull(arch, "arch");
    Objects.requireNonNull(out, "out");
  }
}

package dev.capsem.core.api;

import dev.capsem.core.diag.GivenPath;
import java.util.Objects;

/**
 * {@code image build}: a profile and how to build it.
 *
 * @param recordAssets write the built assets' names, sizes and hashes into the (TOML) profile, so
 *     that {@code image verify} of the profile passes on the build's folder
 */
public record ImageBuildRequest(GivenPath profile, ImageOptions options, boolean recordAssets) {

  public ImageBuildRequest {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(options, "options");
  }

  /** A build that leaves the profile as it is. */
  public ImageBuildRequest(GivenPath profile, ImageOptions options) {
    this(profile, options, false);
  }
}

package dev.capsem.core.api;

import dev.capsem.core.diag.GivenPath;
import java.util.Objects;

/**
 * {@code image build-workspace}: the workspace a profile derives, written to {@code out}.
 *
 * @param force write into a non-empty folder
 * @param options the workspace's inputs and the architectures (the build settings are ignored)
 */
public record ImageWorkspaceRequest(
    GivenPath profile, GivenPath out, boolean force, ImageOptions options) {

  public ImageWorkspaceRequest {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(options, "options");
  }
}

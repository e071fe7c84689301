package dev.capsem.core.api;

import dev.capsem.core.diag.GivenPath;
import java.util.Objects;

/** {@code image build}: a profile and how to build it. */
public record ImageBuildRequest(GivenPath profile, ImageOptions options) {

  public ImageBuildRequest {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(options, "options");
  }
}

package dev.capsem.core.api;

import dev.capsem.core.diag.GivenPath;
import java.util.Objects;

/** {@code image plan}: a profile and the architectures to plan ({@code all} by default). */
public record ImagePlanRequest(GivenPath profile, String arch) {

  public ImagePlanRequest {
    Objects.requireNonNull(profile, "profile");
    arch = arch == null ? "all" : arch;
  }
}

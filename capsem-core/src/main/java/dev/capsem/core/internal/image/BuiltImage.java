package dev.capsem.core.internal.image;

import dev.capsem.core.diag.Report;
import java.util.Objects;

/**
 * A finished (or, in a dry run, planned) image build: its {@code capsem.image-build.v1} report, its
 * lines, and what the build did.
 */
public record BuiltImage(String json, String text, BuildOutcome build) implements Report {

  public BuiltImage {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(build, "build");
  }
}

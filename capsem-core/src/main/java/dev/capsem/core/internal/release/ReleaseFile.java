package dev.capsem.core.internal.release;

import dev.capsem.core.diag.GivenPath;
import java.util.Objects;

/**
 * A file a release publishes, with the label a repository files it under ({@code x86_64-rootfs},
 * {@code catalog}; Maven uses it as the classifier) and its type (the file extension a repository
 * gives it).
 *
 * @param label null for the release's main file (the release profile)
 * @param signature whether a {@code .minisig} beside it is published too
 */
public record ReleaseFile(GivenPath file, String label, String type, boolean signature) {

  public ReleaseFile {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(type, "type");
  }
}

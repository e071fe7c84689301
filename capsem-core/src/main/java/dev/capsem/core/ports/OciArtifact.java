package dev.capsem.core.ports;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A set of files published as one OCI artifact: an image manifest with an {@code artifactType}, an
 * empty config and one layer per file, in the given order.
 *
 * @param artifactType the manifest's {@code artifactType} (an RFC 6838 media type)
 * @param files the layers; names are unique
 */
public record OciArtifact(String artifactType, List<ArtifactFile> files) {

  public OciArtifact {
    Objects.requireNonNull(artifactType, "artifactType");
    files = List.copyOf(files);
    if (files.isEmpty()) {
      throw new IllegalArgumentException("an artifact needs at least one file");
    }
    Set<String> names = new HashSet<>();
    for (ArtifactFile file : files) {
      if (!names.add(file.name())) {
        throw new IllegalArgumentException("two files named '" + file.name() + "'");
      }
    }
  }
}

package dev.capsem.core.ports;

import java.util.List;
import java.util.Objects;

/**
 * An artifact as the registry holds it: what a push made, or what a pull fetched.
 *
 * @param reference where it is, pinned to {@code manifestDigest}
 * @param manifestDigest {@code sha256:} of the manifest bytes
 * @param artifactType the manifest's artifact type
 * @param layers one per file, in manifest order
 */
public record PublishedArtifact(
    OciReference reference,
    String manifestDigest,
    String artifactType,
    List<ArtifactLayer> layers) {

  public PublishedArtifact {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(manifestDigest, "manifestDigest");
    Objects.requireNonNull(artifactType, "artifactType");
    layers = List.copyOf(layers);
  }
}

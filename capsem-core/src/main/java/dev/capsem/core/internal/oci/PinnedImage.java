package dev.capsem.core.internal.oci;

import java.util.Objects;

/**
 * A base image resolved to a digest.
 *
 * @param reference the reference as the profile or plan names it ({@code debian:bookworm-slim})
 * @param digest {@code sha256:<64 hex>}: the registry's manifest digest, or for an image made on
 *     the engine its image id
 * @param source {@code registry} or {@code engine}
 * @param pinned what a Dockerfile's {@code FROM} should name: {@code REGISTRY/REPO@sha256:...} for
 *     a registry image, the image id for an engine-made one (the classic builder takes {@code FROM
 *     sha256:<id>})
 */
public record PinnedImage(String reference, String digest, String source, String pinned) {

  public static final String REGISTRY = "registry";
  public static final String ENGINE = "engine";

  public PinnedImage {
    Objects.requireNonNull(reference, "reference");
    if (digest == null || !digest.matches("sha256:[0-9a-f]{64}")) {
      throw new IllegalArgumentException("not a sha256 digest: " + digest);
    }
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(pinned, "pinned");
  }
}

package dev.capsem.core.ports;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One layer of a pushed or pulled artifact, as its manifest describes it.
 *
 * @param name the file name (its {@code org.opencontainers.image.title} annotation)
 * @param mediaType the layer's media type
 * @param digest {@code sha256:<64 hex>} of the bytes
 * @param size the byte count
 * @param annotations every annotation of the layer, the title included
 */
public record ArtifactLayer(
    String name, String mediaType, String digest, long size, Map<String, String> annotations) {

  private static final Pattern SHA256 = Pattern.compile("sha256:[0-9a-f]{64}");

  public ArtifactLayer {
    ArtifactNames.require(name);
    Objects.requireNonNull(mediaType, "mediaType");
    if (!SHA256.matcher(digest).matches()) {
      throw new IllegalArgumentException("not a sha256 digest: '" + digest + "'");
    }
    if (size < 0) {
      throw new IllegalArgumentException("negative size " + size);
    }
    annotations = Collections.unmodifiableMap(new LinkedHashMap<>(annotations));
  }

  /** The 64 hex characters of the digest, without {@code sha256:}. */
  public String sha256() {
    return digest.substring("sha256:".length());
  }
}

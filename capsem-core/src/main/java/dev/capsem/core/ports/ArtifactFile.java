package dev.capsem.core.ports;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One file to publish as one layer of an OCI artifact.
 *
 * @param name the file's path inside the artifact ({@code x86_64/rootfs.squashfs}); becomes the
 *     {@code org.opencontainers.image.title} annotation, and the path a pull writes it to
 * @param source where the bytes are
 * @param mediaType the layer's media type
 * @param annotations further layer annotations (the BLAKE3), in order
 */
public record ArtifactFile(
    String name, Path source, String mediaType, Map<String, String> annotations) {

  public ArtifactFile {
    ArtifactNames.require(name);
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(mediaType, "mediaType");
    annotations = Collections.unmodifiableMap(new LinkedHashMap<>(annotations));
  }
}

package dev.capsem.docker.oci;

import com.google.cloud.tools.jib.image.json.ManifestTemplate;
import com.google.cloud.tools.jib.image.json.OciManifestTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An OCI image manifest for an artifact, as jib-core serialises templates (fields, nulls left out).
 * jib's {@link OciManifestTemplate} has neither {@code artifactType} nor layer media types of one's
 * own choosing, hence this template; jib still does the pushing.
 */
final class ArtifactManifestTemplate implements ManifestTemplate {

  @SuppressWarnings("unused") // serialised by jib's mapper
  private final int schemaVersion = 2;

  @SuppressWarnings("unused")
  private final String mediaType = OciManifestTemplate.MANIFEST_MEDIA_TYPE;

  @SuppressWarnings("unused")
  private final String artifactType;

  @SuppressWarnings("unused")
  private final Descriptor config;

  @SuppressWarnings("unused")
  private final List<Descriptor> layers;

  /** One content descriptor. */
  static final class Descriptor implements com.google.cloud.tools.jib.json.JsonTemplate {
    @SuppressWarnings("unused")
    private final String mediaType;

    @SuppressWarnings("unused")
    private final String digest;

    @SuppressWarnings("unused")
    private final long size;

    @SuppressWarnings("unused")
    private final Map<String, String> annotations;

    Descriptor(String mediaType, String digest, long size, Map<String, String> annotations) {
      this.mediaType = mediaType;
      this.digest = digest;
      this.size = size;
      this.annotations = annotations == null ? null : new LinkedHashMap<>(annotations);
    }
  }

  ArtifactManifestTemplate(String artifactType, Descriptor config, List<Descriptor> layers) {
    this.artifactType = artifactType;
    this.config = config;
    this.layers = new ArrayList<>(layers);
  }

  @Override
  public int getSchemaVersion() {
    return schemaVersion;
  }

  @Override
  public String getManifestMediaType() {
    return mediaType;
  }
}

package dev.capsem.core.ports;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An OCI distribution registry (Harbor, Artifactory, GHCR, ECR, {@code docker-registry}): publishes
 * a set of files as one artifact, fetches it back, and resolves image references to digests.
 * Credentials, TLS trust and whether plain HTTP is allowed are the adapter's configuration.
 */
public interface OciRegistry {

  /**
   * Pushes every file as one layer (skipping blobs the registry has), then the manifest under the
   * reference's tag: an image manifest with {@code artifactType}, a config of the two bytes {@code
   * {}} whose media type is the artifact type too (so that registries and clients older than image
   * spec 1.1, which drop {@code artifactType}, still see the type), and per layer the file's media
   * type, its {@code sha256} digest and size, its {@link ArtifactNames#TITLE} annotation and the
   * file's own annotations.
   *
   * @param target where to push; must carry a tag
   * @return the manifest digest and the layers as pushed
   * @throws IOException when a source file cannot be read
   */
  PublishedArtifact push(OciReference target, OciArtifact artifact)
      throws RegistryException, IOException;

  /**
   * Fetches the artifact's manifest, checks its artifact type and layer names, and writes each
   * layer to {@code folder/<name>}, verifying every blob's {@code sha256} digest and size as it is
   * written. On failure, files already written stay in {@code folder}: the caller stages pulls in a
   * folder of its own and throws it away.
   *
   * @param expectedArtifactType the artifact type the manifest must declare
   * @throws RegistryException {@link RegistryException.Kind#DIGEST_MISMATCH} for a blob whose bytes
   *     do not match, {@link RegistryException.Kind#NOT_AN_ARTIFACT} for another kind of manifest
   * @throws IOException when {@code folder} cannot be written
   */
  PublishedArtifact pull(OciReference source, String expectedArtifactType, Path folder)
      throws RegistryException, IOException;

  /**
   * The {@code sha256:} digest of the manifest the reference names now (for a multi-platform image,
   * of its index), as a registry client pulling it by digest would use it.
   */
  String resolveDigest(OciReference image) throws RegistryException;
}

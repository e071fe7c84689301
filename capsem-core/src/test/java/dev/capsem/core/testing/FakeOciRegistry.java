package dev.capsem.core.testing;

import dev.capsem.core.ports.ArtifactFile;
import dev.capsem.core.ports.ArtifactLayer;
import dev.capsem.core.ports.ArtifactNames;
import dev.capsem.core.ports.OciArtifact;
import dev.capsem.core.ports.OciReference;
import dev.capsem.core.ports.OciRegistry;
import dev.capsem.core.ports.PublishedArtifact;
import dev.capsem.core.ports.RegistryException;
import dev.capsem.core.ports.RegistryException.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-memory registry for core's tests: blobs by digest, manifests by repository and tag. It
 * checks blob digests on pull as the port requires, so a test can corrupt a stored blob and see the
 * pull refuse it.
 */
public final class FakeOciRegistry implements OciRegistry {

  private record Manifest(String digest, String artifactType, List<ArtifactLayer> layers) {}

  private final Map<String, byte[]> blobs = new HashMap<>();
  private final Map<String, Manifest> manifests = new HashMap<>();
  private final Map<String, String> images = new HashMap<>();

  @Override
  public PublishedArtifact push(OciReference target, OciArtifact artifact) throws IOException {
    List<ArtifactLayer> layers = new ArrayList<>();
    StringBuilder manifestText = new StringBuilder(artifact.artifactType());
    for (ArtifactFile file : artifact.files()) {
      byte[] bytes = Files.readAllBytes(file.source());
      String digest = "sha256:" + sha256(bytes);
      blobs.put(digest, bytes);
      Map<String, String> annotations = new LinkedHashMap<>();
      annotations.put(ArtifactNames.TITLE, file.name());
      annotations.putAll(file.annotations());
      layers.add(
          new ArtifactLayer(file.name(), file.mediaType(), digest, bytes.length, annotations));
      manifestText.append('\n').append(digest).append(annotations);
    }
    String manifestDigest =
        "sha256:" + sha256(manifestText.toString().getBytes(StandardCharsets.UTF_8));
    manifests.put(key(target), new Manifest(manifestDigest, artifact.artifactType(), layers));
    return new PublishedArtifact(
        target.withDigest(manifestDigest), manifestDigest, artifact.artifactType(), layers);
  }

  @Override
  public PublishedArtifact pull(OciReference source, String expectedArtifactType, Path folder)
      throws RegistryException, IOException {
    Manifest manifest = manifests.get(key(source));
    if (manifest == null) {
      throw new RegistryException(Kind.NOT_FOUND, source + ": manifest unknown");
    }
    if (!manifest.artifactType().equals(expectedArtifactType)) {
      throw new RegistryException(
          Kind.NOT_AN_ARTIFACT, source + ": artifact type " + manifest.artifactType());
    }
    for (ArtifactLayer layer : manifest.layers()) {
      byte[] bytes = blobs.get(layer.digest());
      Path target = folder.resolve(layer.name());
      Files.createDirectories(target.getParent());
      Files.write(target, bytes);
      if (!("sha256:" + sha256(bytes)).equals(layer.digest())) {
        throw new RegistryException(
            Kind.DIGEST_MISMATCH, layer.name() + ": blob " + layer.digest() + " has other bytes");
      }
    }
    return new PublishedArtifact(
        source.withDigest(manifest.digest()),
        manifest.digest(),
        manifest.artifactType(),
        manifest.layers());
  }

  @Override
  public String resolveDigest(OciReference image) throws RegistryException {
    Manifest manifest = manifests.get(key(image));
    if (manifest != null) {
      return manifest.digest();
    }
    String digest = images.get(key(image));
    if (digest == null) {
      throw new RegistryException(Kind.NOT_FOUND, image + ": manifest unknown");
    }
    return digest;
  }

  /** Makes an image manifest known under {@code image} (for digest resolution). */
  public void addImage(OciReference image, String digest) {
    images.put(key(image), digest);
  }

  /** Flips one byte of a stored blob, as an attacker with write access to the storage would. */
  public void corruptBlob(String digest) {
    byte[] bytes = blobs.get(digest);
    bytes[bytes.length / 2] ^= 1;
  }

  private static String key(OciReference reference) {
    return reference.registry() + "/" + reference.repository() + ":" + reference.tag();
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

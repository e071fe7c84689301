package dev.capsem.core.internal.oci;

import dev.capsem.core.ports.OciReference;

/** Where a registry serves a blob over the distribution API. */
public final class RegistryUrls {

  private RegistryUrls() {}

  /**
   * {@code https://REGISTRY/v2/REPOSITORY/blobs/sha256:HEX}; {@code http://} for a loopback
   * registry, which {@code manifest check --download} accepts over plain HTTP.
   */
  public static String blobUrl(OciReference registry, String digest) {
    return blobUrl(registry, digest, registry.loopback() ? "http" : "https");
  }

  /** The blob URL with an explicit scheme (a loopback registry with TLS: {@code https}). */
  public static String blobUrl(OciReference registry, String digest, String scheme) {
    String sha = digest.startsWith("sha256:") ? digest : "sha256:" + digest;
    return scheme + "://" + registry.registry() + "/v2/" + registry.repository() + "/blobs/" + sha;
  }
}

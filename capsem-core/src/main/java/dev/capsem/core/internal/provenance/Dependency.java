package dev.capsem.core.internal.provenance;

import dev.capsem.core.ports.OciReference;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An input the build resolved, as an in-toto ResourceDescriptor: a base image by digest, the kernel
 * source, the guest kit, the lock file.
 *
 * @param name what it is to the build ({@code base-image}, {@code kernel-source}, ...)
 * @param uri where it came from, or null
 * @param digest algorithm to lower-case hex (or, for an image id, the {@code sha256} hex), in order
 * @param annotations further facts (a version), in order
 */
public record Dependency(
    String name, String uri, Map<String, String> digest, Map<String, String> annotations) {

  public Dependency {
    Objects.requireNonNull(name, "name");
    digest = Collections.unmodifiableMap(new LinkedHashMap<>(digest));
    annotations = Collections.unmodifiableMap(new LinkedHashMap<>(annotations));
    if (uri == null && digest.isEmpty()) {
      throw new IllegalArgumentException("a resolved dependency needs a uri or a digest: " + name);
    }
  }

  /**
   * A base image pinned by digest, named by its package URL ({@code
   * pkg:docker/library/debian@bookworm-slim?repository_url=docker.io}).
   *
   * @param digest {@code sha256:<hex>}: the registry's manifest digest or, for an image made on the
   *     engine, its image id
   * @param source {@code registry} or {@code engine}: where the digest came from
   */
  public static Dependency baseImage(OciReference image, String digest, String source) {
    String version = image.tag() != null ? image.tag() : image.digest();
    String purl =
        "pkg:docker/"
            + image.repository()
            + "@"
            + version.replace(":", "%3A")
            + "?repository_url="
            + image.registry();
    return new Dependency(
        "base-image:" + image,
        purl,
        Map.of("sha256", hex(digest)),
        Map.of("digest_source", source));
  }

  /** The kernel source tarball, by its sha256. */
  public static Dependency kernelSource(String uri, String sha256, String version) {
    Map<String, String> annotations = new LinkedHashMap<>();
    if (version != null) {
      annotations.put("version", version);
    }
    return new Dependency("kernel-source", uri, Map.of("sha256", hex(sha256)), annotations);
  }

  /** The guest kit the image was built with, by version. */
  public static Dependency guestKit(String version) {
    return new Dependency(
        "guest-kit",
        "https://capsem.dev/guest-kit/" + version,
        Map.of(),
        Map.of("version", version));
  }

  /** The lock file the build installed from, by its sha256. */
  public static Dependency lockFile(String name, String sha256) {
    return new Dependency("lock-file:" + name, null, Map.of("sha256", hex(sha256)), Map.of());
  }

  private static String hex(String digest) {
    String hex = digest.startsWith("sha256:") ? digest.substring("sha256:".length()) : digest;
    Subject.requireHex(hex, "sha256");
    return hex;
  }
}

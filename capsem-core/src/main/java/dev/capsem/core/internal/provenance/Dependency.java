package dev.capsem.core.internal.provenance;

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
}

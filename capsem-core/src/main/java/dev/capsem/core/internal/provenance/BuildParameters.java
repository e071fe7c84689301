package dev.capsem.core.internal.provenance;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The build's external parameters: what the person or pipeline that started it chose.
 *
 * @param profilePath the profile as it was named (relative to the project)
 * @param profileSha256 the profile file's sha256, 64 hex characters
 * @param arches the architectures built, in order
 * @param options every other build option that changes the output ({@code kernel-version}, {@code
 *     node-source}, ...), in order
 */
public record BuildParameters(
    String profilePath, String profileSha256, List<String> arches, Map<String, String> options) {

  public BuildParameters {
    Objects.requireNonNull(profilePath, "profilePath");
    Subject.requireHex(profileSha256, "profileSha256");
    arches = List.copyOf(arches);
    options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
  }
}

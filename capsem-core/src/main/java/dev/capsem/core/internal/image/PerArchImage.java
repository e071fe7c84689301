package dev.capsem.core.internal.image;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The single-platform name of an official Docker image: {@code debian:bookworm-slim} for {@code
 * linux/arm64} is {@code arm64v8/debian:bookworm-slim}, the per-architecture repository Docker's
 * official images are also published under.
 *
 * <p>An engine with the classic image store keeps one platform per tag, so {@code
 * debian:bookworm-slim} on an x86_64 engine is the amd64 image and a build for arm64 cannot start
 * from it (the engine would pull, and refuses the amd64 image it has). The per-arch name resolves
 * the same everywhere: a registry serves it, and where none is reachable {@code
 * scripts/container-engine.sh} makes it with debootstrap.
 */
final class PerArchImage {

  /** Docker's official per-architecture repositories. */
  private static final Map<String, String> REPOSITORIES =
      Map.of("linux/amd64", "amd64", "linux/arm64", "arm64v8");

  /** {@code name[:tag]}, {@code library/name[:tag]} or {@code docker.io/library/name[:tag]}. */
  private static final Pattern OFFICIAL =
      Pattern.compile("(?:(?:docker\\.io/)?library/)?([a-z0-9]+(?:[._-][a-z0-9]+)*)(:[\\w.-]+)?");

  private PerArchImage() {}

  /**
   * {@code image}'s per-architecture name for {@code platform}, or {@code image} itself when it is
   * not an official image by tag (a private or digest-pinned image must be served for that platform
   * by its registry or a multi-platform image store).
   */
  static String of(String image, String platform) {
    String repository = REPOSITORIES.get(CrossToolchain.withoutVariant(platform));
    var official = OFFICIAL.matcher(image);
    if (repository == null || !official.matches()) {
      return image;
    }
    String tag = official.group(2) == null ? ":latest" : official.group(2);
    return repository + "/" + official.group(1) + tag;
  }
}

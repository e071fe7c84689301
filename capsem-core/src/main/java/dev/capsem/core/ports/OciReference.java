package dev.capsem.core.ports;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where an OCI artifact or image lives: {@code REGISTRY/REPOSITORY[:TAG][@sha256:DIGEST]}, e.g.
 * {@code 127.0.0.1:5000/corp/capsem-release:2026.0521.1}. The grammar is the distribution spec's
 * ({@code docker pull} names): a first component with a dot or a colon, or {@code localhost}, names
 * a registry; without one the name is Docker Hub's ({@link #explicitRegistry()} is false).
 *
 * @param registry host and optional port ({@code docker.io} when the name gave none)
 * @param repository the path inside the registry, lower case ({@code library/debian})
 * @param tag the tag, or null when only a digest was given
 * @param digest {@code sha256:<64 hex>}, or null
 * @param explicitRegistry whether the text named the registry itself
 */
public record OciReference(
    String registry, String repository, String tag, String digest, boolean explicitRegistry) {

  private static final Pattern REPOSITORY =
      Pattern.compile(
          "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*");
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
  private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
  private static final Pattern REGISTRY =
      Pattern.compile("[A-Za-z0-9.-]+(?::[0-9]{1,5})?|\\[[0-9a-fA-F:]+\\](?::[0-9]{1,5})?");
  private static final String DOCKER_HUB = "docker.io";

  public OciReference {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(repository, "repository");
    if (!REGISTRY.matcher(registry).matches()) {
      throw new IllegalArgumentException("not a registry host[:port]: '" + registry + "'");
    }
    if (!REPOSITORY.matcher(repository).matches()) {
      throw new IllegalArgumentException(
          "not a repository name (lower-case letters, digits, '.', '_', '-', '/'): '"
              + repository
              + "'");
    }
    if (tag != null && !TAG.matcher(tag).matches()) {
      throw new IllegalArgumentException("not a tag: '" + tag + "'");
    }
    if (digest != null && !DIGEST.matcher(digest).matches()) {
      throw new IllegalArgumentException("not a sha256 digest: '" + digest + "'");
    }
    if (tag == null && digest == null) {
      throw new IllegalArgumentException("a reference needs a tag or a digest");
    }
  }

  /**
   * Reads {@code [REGISTRY/]REPOSITORY[:TAG][@DIGEST]}; a name without tag or digest means {@code
   * :latest}, as {@code docker pull} reads it.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static OciReference parse(String text) {
    Objects.requireNonNull(text, "text");
    String rest = text.strip();
    if (rest.isEmpty()) {
      throw new IllegalArgumentException("an image reference must not be empty");
    }
    String digest = null;
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = rest.substring(at + 1);
      rest = rest.substring(0, at);
    }
    String registry = DOCKER_HUB;
    boolean explicit = false;
    int slash = rest.indexOf('/');
    if (slash > 0) {
      String first = rest.substring(0, slash);
      if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
        registry = first;
        explicit = true;
        rest = rest.substring(slash + 1);
      }
    }
    String tag = null;
    int colon = rest.lastIndexOf(':');
    if (colon >= 0) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
    } else if (digest == null) {
      tag = "latest";
    }
    if (!explicit && !rest.contains("/")) {
      rest = "library/" + rest;
    }
    return new OciReference(registry, rest, tag, digest, explicit);
  }

  /** What follows {@code /manifests/} in the registry API: the digest when known, else the tag. */
  public String qualifier() {
    return digest != null ? digest : tag;
  }

  /** The same reference pinned to {@code newDigest}, keeping its tag for readers. */
  public OciReference withDigest(String newDigest) {
    return new OciReference(registry, repository, tag, newDigest, explicitRegistry);
  }

  /** The host without the port, lower case. */
  public String host() {
    if (registry.startsWith("[")) {
      return registry.substring(0, registry.indexOf(']') + 1).toLowerCase(Locale.ROOT);
    }
    int colon = registry.indexOf(':');
    return (colon < 0 ? registry : registry.substring(0, colon)).toLowerCase(Locale.ROOT);
  }

  /**
   * Whether the registry is this machine ({@code localhost}, {@code 127.0.0.0/8}, {@code [::1]}):
   * the only place plain HTTP is allowed without an explicit opt-in.
   */
  public boolean loopback() {
    String host = host();
    return host.equals("localhost")
        || host.equals("[::1]")
        || host.matches("127\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}");
  }

  /** The digest, when the reference carries one. */
  public Optional<String> pinnedDigest() {
    return Optional.ofNullable(digest);
  }

  /** {@code REGISTRY/REPOSITORY[:TAG][@DIGEST]}, fully qualified. */
  @Override
  public String toString() {
    return registry
        + "/"
        + repository
        + (tag == null ? "" : ":" + tag)
        + (digest == null ? "" : "@" + digest);
  }
}

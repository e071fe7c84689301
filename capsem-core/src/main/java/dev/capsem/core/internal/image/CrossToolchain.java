package dev.capsem.core.internal.image;

import java.util.Optional;

/**
 * What building for a platform from another needs, in Debian's terms: the target's Debian
 * architecture (multiarch packages such as {@code busybox-static:arm64}), its GNU triple (the
 * compiler prefix {@code aarch64-linux-gnu-}) and the cross compiler package that provides it.
 *
 * @param platform the target, {@code linux/arm64}
 * @param debianArch {@code arm64}
 * @param triple {@code aarch64-linux-gnu}
 */
record CrossToolchain(String platform, String debianArch, String triple) {

  /** The targets we build, each with what any other Debian host needs to build it. */
  static Optional<CrossToolchain> forTarget(String platform) {
    return switch (withoutVariant(platform)) {
      case "linux/arm64" ->
          Optional.of(new CrossToolchain("linux/arm64", "arm64", "aarch64-linux-gnu"));
      case "linux/amd64" ->
          Optional.of(new CrossToolchain("linux/amd64", "amd64", "x86_64-linux-gnu"));
      default -> Optional.empty();
    };
  }

  /**
   * The toolchain to build {@code target} on an engine of {@code enginePlatform}: empty when the
   * two are the same platform, when the engine's platform is unknown (null), or when either is not
   * one we build (the build then runs on the target's platform, emulated if need be).
   */
  static Optional<CrossToolchain> across(String enginePlatform, String target) {
    if (enginePlatform == null
        || withoutVariant(enginePlatform).equals(withoutVariant(target))
        || forTarget(enginePlatform).isEmpty()) {
      return Optional.empty();
    }
    return forTarget(target);
  }

  /** Debian's cross compiler for this target ({@code gcc-aarch64-linux-gnu}). */
  String compilerPackage() {
    return "gcc-" + triple.replace('_', '-');
  }

  /** The kernel's {@code CROSS_COMPILE} prefix. */
  String compilerPrefix() {
    return triple + "-";
  }

  /**
   * A platform without its variant: engines report {@code linux/arm64} where images say {@code
   * linux/arm64/v8}, which is the same for building.
   */
  static String withoutVariant(String platform) {
    String[] parts = platform.split("/");
    return parts.length > 2 ? parts[0] + "/" + parts[1] : platform;
  }
}

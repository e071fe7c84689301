package dev.capsem.core.internal.image;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.workspace.GuestConfig.ArchConfig;
import java.util.Optional;

/**
 * How each step of an architecture runs on the engine at hand. A target of the engine's own
 * platform is built natively, exactly as before. A foreign target (arm64 on an x86_64 engine) is
 * built without emulating a compiler: its kernel is cross-compiled and its initrd's busybox
 * unpacked from the target's Debian package, both in containers of the engine's platform; only the
 * rootfs, whose package scripts must run as the target, runs through qemu-user (binfmt), from the
 * target's own base image ({@link PerArchImage}).
 *
 * <p>The build asks the container runtime for the engine's platform once ({@code
 * ContainerRuntime.enginePlatform()}); a dry run, which asks the engine nothing, plans every target
 * natively.
 *
 * @param engine the engine's platform ({@code linux/amd64}), or null when unknown
 */
public record EnginePlatform(String engine) {

  /** The engine's platform as the runtime reported it, or unknown. */
  public static EnginePlatform of(Optional<String> engine) {
    return new EnginePlatform(engine.orElse(null));
  }

  /** Nothing known about the engine (dry runs): every target is planned natively. */
  public static EnginePlatform unknown() {
    return new EnginePlatform(null);
  }

  /** Whether {@code arch} is another platform than the engine's (false when unknown). */
  public boolean foreign(ArchConfig arch) {
    return engine != null
        && !CrossToolchain.withoutVariant(engine)
            .equals(CrossToolchain.withoutVariant(arch.dockerPlatform()));
  }

  /** The toolchain that builds {@code arch}'s kernel and busybox on this engine, if any. */
  private Optional<CrossToolchain> cross(ArchConfig arch) {
    return CrossToolchain.across(engine, arch.dockerPlatform());
  }

  /** The kernel recipe: cross-compiled for a foreign target, else native. */
  KernelRecipe kernel(String archName, ArchConfig arch, String tarballName, long epoch) {
    return new KernelRecipe(archName, arch, tarballName, epoch, engine);
  }

  /** The image the initrd's busybox comes from. */
  BusyboxRecipe busybox(ArchConfig arch) {
    return new BusyboxRecipe(arch, engine);
  }

  /**
   * {@code arch} as the rootfs step uses it: for a foreign target, its base image is the
   * per-architecture name of the planned one ({@code arm64v8/debian:bookworm-slim}), which an
   * engine that keeps one platform per tag can hold beside the engine's own {@code
   * debian:bookworm-slim}. Everything else, and every native target, is unchanged.
   */
  public ArchConfig rootfs(ArchConfig arch) {
    if (!foreign(arch)) {
      return arch;
    }
    return new ArchConfig(
        PerArchImage.of(arch.baseImage(), arch.dockerPlatform()),
        arch.dockerPlatform(),
        arch.rustTarget(),
        arch.kernelBranch(),
        arch.kernelImage(),
        arch.defconfig(),
        arch.nodeMajor());
  }

  /**
   * The base image {@code step} starts from on this engine: the per-architecture one for the rootfs
   * of a foreign target ({@link #rootfs}), else the planned one.
   */
  public String baseImage(String step, ArchConfig arch) {
    return step.equals("rootfs") ? rootfs(arch).baseImage() : arch.baseImage();
  }

  /**
   * Whether {@code step} ({@code kernel}, {@code initrd}, {@code rootfs}) runs containers of the
   * target's platform, and so needs the engine to run them (binfmt for a foreign one, E309): the
   * rootfs always; the kernel and the initrd only when they are not built across.
   */
  public boolean runsTargetContainers(String step, ArchConfig arch) {
    return switch (step) {
      case "kernel", "initrd" -> cross(arch).isEmpty();
      default -> true;
    };
  }

  /**
   * What a build of {@code archName} on this engine does, for the progress log; empty for a native
   * or unknown engine.
   */
  public Optional<String> describe(String archName, ArchConfig arch) {
    if (!foreign(arch)) {
      return Optional.empty();
    }
    Optional<CrossToolchain> cross = cross(arch);
    return Optional.of(
        archName
            + " on a "
            + engine
            + " engine: "
            + cross
                .map(
                    t ->
                        "kernel cross-compiled ("
                            + t.compilerPrefix()
                            + "), busybox from Debian's "
                            + t.debianArch()
                            + " package, ")
                .orElse("kernel and busybox emulated (no cross toolchain known), ")
            + "rootfs from "
            + rootfs(arch).baseImage()
            + " through qemu-user");
  }

  /**
   * E520: the foreign target's base image is not on the engine. {@code scripts/container-engine.sh}
   * makes it with debootstrap where no registry is reachable.
   */
  public Diagnostic missingBaseImage(String archName, ArchConfig arch) {
    String image = rootfs(arch).baseImage();
    return new Diagnostic(
        Code.E520,
        null,
        "",
        null,
        "the "
            + engine
            + " engine has no "
            + arch.dockerPlatform()
            + " base image "
            + image
            + " for the "
            + archName
            + " rootfs (an engine keeps one platform per tag, so "
            + arch.baseImage()
            + " cannot be both)\n  fix: sudo scripts/container-engine.sh (makes "
            + image
            + " with debootstrap through qemu-user), or docker pull --platform "
            + arch.dockerPlatform()
            + " "
            + image
            + " where a registry is reachable");
  }
}

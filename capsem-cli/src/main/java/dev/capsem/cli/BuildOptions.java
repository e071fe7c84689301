package dev.capsem.cli;

import dev.capsem.core.api.ImageOptions;
import picocli.CommandLine.Option;

/** How an image is built: agents, kernel source, package sources, binary version, caches. */
final class BuildOptions {

  @Option(
      names = "--arch",
      defaultValue = "all",
      description = "all, arm64 or x86_64 (default: all).")
  String arch;

  @Option(
      names = "--template",
      defaultValue = "all",
      description = "all, kernel, rootfs or initrd (default: all = kernel, initrd, rootfs).")
  String template;

  @Option(names = "--dry-run", description = "Print every container command; run none.")
  boolean dryRun;

  @Option(names = "--verbose", description = "Show the output of builds as they run.")
  boolean verbose;

  @Option(
      names = "--no-cache",
      description =
          "Rebuild every image layer; the new layers are removed afterwards, so the engine's"
              + " layer cache stays as it was.")
  boolean noCache;

  @Option(
      names = "--squashfs-writer",
      paramLabel = "capsem|mksquashfs",
      description =
          "Who writes rootfs.squashfs: capsem (default; in-process from docker export's stream)"
              + " or mksquashfs (in a second container; kept for one release).")
  String squashfsWriter;

  @Option(
      names = "--binary-version",
      description =
          "The Capsem binary version manifest.json pairs the assets with"
              + " (default: version = of ./Cargo.toml, else the Capsem release capsem-admin"
              + " targets).")
  String binaryVersion;

  @Option(
      names = "--guest-binaries",
      description =
          "Prebuilt guest agents, <dir>/<arch>/<name> (default: <guest-dir>/binaries when it"
              + " exists, else none: the report says so).")
  String guestBinaries;

  @Option(names = "--without-guest-binaries", description = "Build a rootfs without the agents.")
  boolean withoutGuestBinaries;

  @Option(names = "--kernel-source", description = "A local kernel source tarball.")
  String kernelSource;

  @Option(names = "--kernel-url", description = "Download the kernel source from this URL.")
  String kernelUrl;

  @Option(names = "--kernel-sha256", description = "The kernel source's expected SHA-256.")
  String kernelSha256;

  @Option(
      names = "--kernel-version",
      description =
          "Download this kernel.org version (default: Debian's linux-source of the base image's"
              + " release, installed and verified by apt in the build container).")
  String kernelVersion;

  @Option(
      names = "--node-source",
      defaultValue = "debian",
      description =
          "debian, debian-registry, nvm or none (default: debian: the build needs only the"
              + " Debian archive; debian-registry: Debian's nodejs and a pinned, checksummed npm"
              + " from the npm registry, instead of Debian's npm and its 380 packages).")
  String nodeSource;

  @Option(
      names = "--uv-installer",
      description =
          "The uv installer URL (upstream's: https://astral.sh/uv/install.sh), or none (default:"
              + " none, Debian's pip).")
  String uvInstaller;

  @Option(names = "--python-index", description = "Install Python packages from this index.")
  String pythonIndex;

  @Option(names = "--python-wheels", description = "Install Python packages from these wheels.")
  String pythonWheels;

  @Option(
      names = "--build-ca",
      description = "CA certificates (PEM) trusted while building, e.g. of a TLS proxy.")
  String buildCa;

  @Option(
      names = "--locked",
      description =
          "Install exactly the versions of the profile's lock file (image lock); fail naming a"
              + " package the archive no longer has.")
  boolean locked;

  @Option(
      names = "--lock-file",
      paramLabel = "FILE",
      description =
          "The lock file of --locked (default: <profile without .toml/.json>.lock.json beside"
              + " the profile).")
  String lockFile;

  /** Upstream's Click checks of the choices, as usage errors (exit 2). */
  void check(CapsemCommand command) {
    command.choice(arch, "--arch", ImageCommands.ARCHES);
    command.choice(template, "--template", java.util.List.of("all", "kernel", "rootfs", "initrd"));
    command.choice(
        nodeSource, "--node-source", java.util.List.of("nvm", "debian", "debian-registry", "none"));
  }

  ImageOptions.Builder fill(ImageOptions.Builder options) {
    return options
        .arch(arch)
        .template(template)
        .dryRun(dryRun)
        .noCache(noCache)
        .squashfsWriter(squashfsWriter)
        .binaryVersion(binaryVersion)
        .guestBinaries(WorkspaceInputs.path(guestBinaries))
        .withoutGuestBinaries(withoutGuestBinaries)
        .kernelSource(WorkspaceInputs.path(kernelSource))
        .kernelUrl(kernelUrl)
        .kernelSha256(kernelSha256)
        .kernelVersion(kernelVersion)
        .nodeSource(nodeSource)
        .uvInstaller(uvInstaller)
        .pythonIndex(pythonIndex)
        .pythonWheels(WorkspaceInputs.path(pythonWheels))
        .buildCa(WorkspaceInputs.path(buildCa))
        .locked(locked)
        .lockFile(WorkspaceInputs.path(lockFile));
  }
}

package dev.capsem.maven;

import dev.capsem.adapters.StandardPorts;
import dev.capsem.core.api.ImageOptions;
import java.io.File;
import java.util.Locale;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The parameters of an image build, shared by {@code image-build}, {@code verify-reproducible} and
 * the pipeline goals, so that each reads them the same way.
 */
abstract class AbstractImageBuildMojo extends AbstractCapsemMojo {

  /**
   * The Profile V2 file (JSON when it ends in {@code .json}, TOML otherwise).
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "capsem.profile",
      defaultValue = "${project.basedir}/profiles/${project.artifactId}.profile.toml")
  File profile;

  /**
   * {@code all} (arm64 then x86_64), {@code arm64} or {@code x86_64}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.arch", defaultValue = "all")
  String arch;

  /**
   * {@code all} (kernel, initrd, rootfs), {@code kernel} (with its initrd), {@code rootfs} or
   * {@code initrd}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.template", defaultValue = "all")
  String template;

  /**
   * Where the assets go: {@code <arch>/vmlinuz|initrd.img|rootfs.squashfs}, {@code B3SUMS}, {@code
   * manifest.json}.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "capsem.assetsDirectory",
      defaultValue = "${project.build.directory}/capsem/assets")
  File assetsDirectory;

  /**
   * Where the build workspace derived from the profile is written (overwritten on every build).
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "capsem.workspaceDirectory",
      defaultValue = "${project.build.directory}/capsem/workspace")
  File workspaceDirectory;

  /**
   * A folder laid out like upstream's {@code guest/}: {@code config/ai}, {@code
   * config/vm/environment.toml}, {@code config/kernel}, {@code artifacts}; default the guest kit
   * shipped with the plugin.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.guestDirectory")
  File guestDirectory;

  /**
   * Where the project keeps the materialised guest kit and the project CA.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.stateDirectory", defaultValue = "${project.basedir}/.capsem")
  File stateDirectory;

  /**
   * AI-provider definitions ({@code <id>.toml} each); default {@code <guestDirectory>/config/ai}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.providersDirectory")
  File providersDirectory;

  /**
   * The {@code vm/environment.toml} to copy; default from the guest directory.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.environmentFile")
  File environmentFile;

  /**
   * The folder with {@code defconfig.<arch>}; default {@code <guestDirectory>/config/kernel}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.defconfigDirectory")
  File defconfigDirectory;

  /**
   * The guest artifacts ({@code capsem-init}, {@code capsem-bashrc}, ...); default {@code
   * <guestDirectory>/artifacts}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.artifactsDirectory")
  File artifactsDirectory;

  /**
   * The operator's CA certificate, installed in the guest; default the project CA, generated once
   * as {@code <stateDirectory>/ca/capsem-project-ca.crt} (a release built with it warns, W018).
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.caCertificate")
  File caCertificate;

  /**
   * The prebuilt guest agent binaries, {@code <dir>/<arch>/<name>}; default {@code
   * <guestDirectory>/binaries} when it exists, else none (the report and W017 say so).
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.guestBinaries")
  File guestBinaries;

  /**
   * Builds the rootfs without the guest agents (the report then carries W017).
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.skipGuestBinaries", defaultValue = "false")
  boolean skipGuestBinaries;

  /**
   * A local kernel source tarball.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.kernelSource")
  File kernelSource;

  /**
   * Where to download the kernel source instead.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.kernelUrl")
  String kernelUrl;

  /**
   * The kernel source's SHA-256 (required for a download).
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.kernelSha256")
  String kernelSha256;

  /**
   * A kernel.org version to fetch; with neither a source, a URL nor a version, Debian's {@code
   * linux-source} of the base image's release is installed (and verified) by apt in the build
   * container.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.kernelVersion")
  String kernelVersion;

  /**
   * Where Node comes from: {@code debian} (the default: the build needs only the Debian archive),
   * {@code debian-registry} (Debian's nodejs, and npm from the npm registry at a pinned version and
   * SHA-512, instead of Debian's npm and the 380 packages it brings), {@code nvm} or {@code none}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.nodeSource", defaultValue = "debian")
  String nodeSource;

  /**
   * The uv installer script URL (upstream's is {@code https://astral.sh/uv/install.sh}); default
   * {@code none}: Python packages are installed with Debian's pip.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.uvInstaller", defaultValue = "none")
  String uvInstaller;

  /**
   * A Python package index for the profile's Python packages.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.pythonIndex")
  String pythonIndex;

  /**
   * A folder of wheels to install the profile's Python packages from, offline.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.pythonWheels")
  File pythonWheels;

  /**
   * CA certificates (PEM) trusted while building only, e.g. a TLS-inspecting proxy's.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.buildCa")
  File buildCa;

  /**
   * The Capsem binary version the release manifest pairs the assets with; default the Capsem
   * release this plugin targets (the report says which).
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.binaryVersion")
  String binaryVersion;

  /**
   * Ignores every cache: rebuilds each step (kernel, initrd, rootfs) even when its inputs are those
   * of the last build, and runs {@code docker build --no-cache}; the layers it made are removed
   * afterwards, so the engine's layer cache stays as it was. Without it, a step whose inputs are
   * unchanged keeps its files once their hashes are checked, and Docker reuses its layers.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.noCache", defaultValue = "false")
  boolean noCache;

  /**
   * Installs exactly the versions of the profile's lock file ({@code image-lock}): apt {@code
   * pkg=version}, pip {@code ==}, npm {@code @version}, and the locked base image digests; fails
   * naming a package the archive no longer has.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.locked", defaultValue = "false")
  boolean locked;

  /**
   * The lock file of {@code locked}. Default: {@code <profile without .toml/.json>.lock.json}
   * beside the profile.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.lockFile")
  File lockFile;

  /**
   * Who writes {@code rootfs.squashfs}: {@code capsem}, capsem-java's own writer reading {@code
   * docker export}'s stream in the build (no tar on disk, no second container), or {@code
   * mksquashfs} in a second container as before, kept for one release.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.squashfsWriter", defaultValue = "capsem")
  String squashfsWriter;

  /**
   * Logs every container command without running any.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.dryRun", defaultValue = "false")
  boolean dryRun;

  /**
   * The docker command (a path, or a compatible shim); {@code DOCKER_HOST} is honoured.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.dockerExecutable", defaultValue = "docker")
  String dockerExecutable;

  /** The options these parameters describe, as the command line's options describe them. */
  ImageOptions imageOptions() {
    return ImageOptions.builder()
        .arch(arch)
        .template(template.toLowerCase(Locale.ROOT))
        .guestDir(given(guestDirectory))
        .providers(given(providersDirectory))
        .environment(given(environmentFile))
        .defconfigs(given(defconfigDirectory))
        .artifacts(given(artifactsDirectory))
        .caCertificate(given(caCertificate))
        .stateDir(given(stateDirectory))
        .assets(given(assetsDirectory))
        .workspace(given(workspaceDirectory))
        .force(true)
        .guestBinaries(given(guestBinaries))
        .withoutGuestBinaries(skipGuestBinaries)
        .kernelSource(given(kernelSource))
        .kernelUrl(kernelUrl)
        .kernelSha256(kernelSha256)
        .kernelVersion(kernelVersion)
        .nodeSource(nodeSource)
        .uvInstaller(uvInstaller)
        .pythonIndex(pythonIndex)
        .pythonWheels(given(pythonWheels))
        .buildCa(given(buildCa))
        .binaryVersion(binaryVersion)
        .noCache(noCache)
        .locked(locked)
        .lockFile(given(lockFile))
        .squashfsWriter(squashfsWriter)
        .dryRun(dryRun)
        .build();
  }

  @Override
  StandardPorts ports(StandardPorts standard) {
    return standard.docker(dockerExecutable);
  }
}

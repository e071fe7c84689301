package dev.capsem.core.api;

import dev.capsem.core.diag.GivenPath;

/**
 * How to build an image beyond what its profile says: the workspace's inputs, the asset folder, the
 * kernel source, the package sources, the binary version. The command line's options and the Maven
 * plugin's parameters fill the same builder (Jib's raw-configuration idea), so both faces mean the
 * same by each value; the use cases check the values.
 *
 * @param arch {@code all}, {@code arm64} or {@code x86_64}
 * @param template {@code all}, {@code kernel}, {@code rootfs} or {@code initrd}
 * @param guestDir a folder laid out like upstream's {@code guest/}, or null for the guest kit
 *     shipped with the product (materialised under {@code stateDir})
 * @param providers AI-provider definitions, or null for {@code <guestDir>/config/ai}
 * @param environment {@code vm/environment.toml}, or null for the guest folder's
 * @param defconfigs the folder of {@code defconfig.<arch>}, or null for the guest folder's
 * @param artifacts the guest artifacts, or null for {@code <guestDir>/artifacts}
 * @param caCertificate the operator's CA certificate, or null for the project CA (generated once
 *     under {@code stateDir})
 * @param stateDir where the project keeps what the build makes once and reuses (the materialised
 *     kit, the project CA), or null for {@code .capsem}
 * @param assets where the assets go, or null for {@code assets} (a release: below its folder)
 * @param workspace where the build workspace is kept, or null for a temporary folder
 * @param force write into a non-empty workspace folder
 * @param guestBinaries the agent binaries ({@code <dir>/<arch>/<name>}), or null for {@code
 *     <guestDir>/binaries} when that folder exists, else none (the report says so)
 * @param withoutGuestBinaries build without the agents (W017)
 * @param kernelSource a local kernel source tarball, or null
 * @param kernelUrl where to download the kernel source, or null
 * @param kernelSha256 the kernel source's SHA-256, or null
 * @param kernelVersion the kernel.org version, or null
 * @param nodeSource {@code debian} (the default: only the Debian archive is needed), {@code
 *     debian-registry} (Debian's nodejs, npm from the npm registry at a pinned checksum), {@code
 *     nvm} or {@code none}
 * @param uvInstaller the uv installer URL, or {@code none} or null for none (Debian's pip)
 * @param pythonIndex a Python package index URL, or null
 * @param pythonWheels a folder of wheels, or null
 * @param buildCa CA certificates trusted while building, or null
 * @param binaryVersion the Capsem binary version the assets pair with, or null for {@code
 *     ./Cargo.toml}'s, else the Capsem release this product targets
 * @param noCache rebuild every step without the engine's cache
 * @param dryRun print every container command, run none
 * @param squashfsWriter {@code capsem} (our writer on the export's stream) or {@code mksquashfs}
 *     (kept for one release), or null for {@code capsem}
 * @param locked install exactly the versions of the profile's lock file
 * @param lockFile the lock file, or null for {@code <profile without .toml/.json>.lock.json} beside
 *     the profile
 */
public record ImageOptions(
    String arch,
    String template,
    GivenPath guestDir,
    GivenPath providers,
    GivenPath environment,
    GivenPath defconfigs,
    GivenPath artifacts,
    GivenPath caCertificate,
    GivenPath stateDir,
    GivenPath assets,
    GivenPath workspace,
    boolean force,
    GivenPath guestBinaries,
    boolean withoutGuestBinaries,
    GivenPath kernelSource,
    String kernelUrl,
    String kernelSha256,
    String kernelVersion,
    String nodeSource,
    String uvInstaller,
    String pythonIndex,
    GivenPath pythonWheels,
    GivenPath buildCa,
    String binaryVersion,
    boolean noCache,
    boolean dryRun,
    String squashfsWriter,
    boolean locked,
    GivenPath lockFile) {

  /** The defaults: every architecture and template, the guest kit, {@code assets/}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.arch = arch;
    b.template = template;
    b.guestDir = guestDir;
    b.providers = providers;
    b.environment = environment;
    b.defconfigs = defconfigs;
    b.artifacts = artifacts;
    b.caCertificate = caCertificate;
    b.stateDir = stateDir;
    b.assets = assets;
    b.workspace = workspace;
    b.force = force;
    b.guestBinaries = guestBinaries;
    b.withoutGuestBinaries = withoutGuestBinaries;
    b.kernelSource = kernelSource;
    b.kernelUrl = kernelUrl;
    b.kernelSha256 = kernelSha256;
    b.kernelVersion = kernelVersion;
    b.nodeSource = nodeSource;
    b.uvInstaller = uvInstaller;
    b.pythonIndex = pythonIndex;
    b.pythonWheels = pythonWheels;
    b.buildCa = buildCa;
    b.binaryVersion = binaryVersion;
    b.noCache = noCache;
    b.dryRun = dryRun;
    b.squashfsWriter = squashfsWriter;
    b.locked = locked;
    b.lockFile = lockFile;
    return b;
  }

  /** Fills {@link ImageOptions}; blank strings count as unset. */
  public static final class Builder {
    private String arch = "all";
    private String template = "all";
    private GivenPath guestDir;
    private GivenPath providers;
    private GivenPath environment;
    private GivenPath defconfigs;
    private GivenPath artifacts;
    private GivenPath caCertificate;
    private GivenPath stateDir;
    private GivenPath assets;
    private GivenPath workspace;
    private boolean force;
    private GivenPath guestBinaries;
    private boolean withoutGuestBinaries;
    private GivenPath kernelSource;
    private String kernelUrl;
    private String kernelSha256;
    private String kernelVersion;
    private String nodeSource = "debian";
    private String uvInstaller;
    private String pythonIndex;
    private GivenPath pythonWheels;
    private GivenPath buildCa;
    private String binaryVersion;
    private boolean noCache;
    private boolean dryRun;
    private String squashfsWriter;
    private boolean locked;
    private GivenPath lockFile;

    private Builder() {}

    public Builder arch(String value) {
      arch = orElse(value, arch);
      return this;
    }

    public Builder template(String value) {
      template = orElse(value, template);
      return this;
    }

    public Builder guestDir(GivenPath value) {
      guestDir = value;
      return this;
    }

    public Builder providers(GivenPath value) {
      providers = value;
      return this;
    }

    public Builder environment(GivenPath value) {
      environment = value;
      return this;
    }

    public Builder defconfigs(GivenPath value) {
      defconfigs = value;
      return this;
    }

    public Builder artifacts(GivenPath value) {
      artifacts = value;
      return this;
    }

    public Builder caCertificate(GivenPath value) {
      caCertificate = value;
      return this;
    }

    public Builder stateDir(GivenPath value) {
      stateDir = value;
      return this;
    }

    public Builder assets(GivenPath value) {
      assets = value;
      return this;
    }

    public Builder workspace(GivenPath value) {
      workspace = value;
      return this;
    }

    public Builder force(boolean value) {
      force = value;
      return this;
    }

    public Builder guestBinaries(GivenPath value) {
      guestBinaries = value;
      return this;
    }

    public Builder withoutGuestBinaries(boolean value) {
      withoutGuestBinaries = value;
      return this;
    }

    public Builder kernelSource(GivenPath value) {
      kernelSource = value;
      return this;
    }

    public Builder kernelUrl(String value) {
      kernelUrl = blank(value);
      return this;
    }

    public Builder kernelSha256(String value) {
      kernelSha256 = blank(value);
      return this;
    }

    public Builder kernelVersion(String value) {
      kernelVersion = blank(value);
      return this;
    }

    public Builder nodeSource(String value) {
      nodeSource = orElse(value, nodeSource);
      return this;
    }

    public Builder uvInstaller(String value) {
      uvInstaller = blank(value);
      return this;
    }

    public Builder pythonIndex(String value) {
      pythonIndex = blank(value);
      return this;
    }

    public Builder pythonWheels(GivenPath value) {
      pythonWheels = value;
      return this;
    }

    public Builder buildCa(GivenPath value) {
      buildCa = value;
      return this;
    }

    public Builder binaryVersion(String value) {
      binaryVersion = blank(value);
      return this;
    }

    public Builder noCache(boolean value) {
      noCache = value;
      return this;
    }

    public Builder dryRun(boolean value) {
      dryRun = value;
      return this;
    }

    public Builder squashfsWriter(String value) {
      squashfsWriter = blank(value);
      return this;
    }

    public Builder locked(boolean value) {
      locked = value;
      return this;
    }

    /** The lock file of a locked build; setting one locks the build. */
    public Builder lockFile(GivenPath value) {
      lockFile = value;
      locked = locked || value != null;
      return this;
    }

    public ImageOptions build() {
      return new ImageOptions(
          arch,
          template,
          guestDir,
          providers,
          environment,
          defconfigs,
          artifacts,
          caCertificate,
          stateDir,
          assets,
          workspace,
          force,
          guestBinaries,
          withoutGuestBinaries,
          kernelSource,
          kernelUrl,
          kernelSha256,
          kernelVersion,
          nodeSource,
          uvInstaller,
          pythonIndex,
          pythonWheels,
          buildCa,
          binaryVersion,
          noCache,
          dryRun,
          squashfsWriter,
          locked,
          lockFile);
    }

    private static String blank(String value) {
      return value == null || value.isBlank() ? null : value.strip();
    }

    private static String orElse(String value, String fallback) {
      String given = blank(value);
      return given == null ? fallback : given;
    }
  }
}

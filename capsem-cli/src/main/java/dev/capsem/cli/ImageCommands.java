package dev.capsem.cli;

import dev.capsem.core.api.Capsem;
import dev.capsem.core.api.ImageBuildRequest;
import dev.capsem.core.api.ImageOutcome;
import dev.capsem.core.api.ImagePlanRequest;
import dev.capsem.core.api.ImageWorkspaceRequest;
import dev.capsem.core.api.Ports;
import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.internal.image.AssetManifestV2;
import dev.capsem.core.internal.image.BuildSettings;
import dev.capsem.core.internal.image.GuestBinaries;
import dev.capsem.core.internal.image.ImageTemplate;
import dev.capsem.core.internal.image.KernelSource;
import dev.capsem.core.internal.image.PackageSources;
import dev.capsem.core.internal.image.WorkspaceSources;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code capsem-admin image plan|build-workspace|build}. */
final class ImageCommands {

  static final List<String> ARCHES = List.of("all", "arm64", "x86_64");

  private ImageCommands() {}

  @Command(name = "image", description = "Plan, build, verify and describe Capsem VM images.")
  static final class Group extends CommandGroup {}

  /** Prints an outcome the way every image command does; returns the exit code. */
  static int printOutcome(Console console, ImageOutcome outcome, boolean json) {
    if (!outcome.ok()) {
      if (outcome.error() != null) {
        console.err("Error: " + outcome.error());
      }
      console.diagnostics(outcome.diagnostics());
      return ExitCodes.INVALID;
    }
    console.diagnostics(outcome.diagnostics());
    if (json) {
      console.outRaw(outcome.reportJson());
    } else {
      outcome.humanLines().forEach(console::out);
    }
    return ExitCodes.OK;
  }

  @Command(
      name = "plan",
      description = "Print the image plan of a Profile V2 (capsem.image-plan.v1).")
  static final class Plan extends CommandSupport implements Callable<Integer> {
    @Spec CommandSpec spec;
    private final Capsem capsem;

    @Parameters(paramLabel = "PROFILE_PATH", description = "The profile (JSON, or TOML otherwise).")
    String profile;

    @Option(
        names = "--arch",
        defaultValue = "all",
        description = "all, arm64 or x86_64 (default: all).")
    String arch;

    @Option(names = "--json", description = "Print the JSON plan.")
    boolean json;

    Plan(Capsem capsem) {
      this.capsem = capsem;
    }

    @Override
    CommandSpec spec() {
      return spec;
    }

    @Override
    public Integer call() {
      choice(arch, "--arch", ARCHES);
      Path file = existingFile(profile, "PROFILE_PATH");
      return printOutcome(
          console(), capsem.images().plan(new ImagePlanRequest(file, profile, arch)), json);
    }
  }

  /** Where the workspace's other inputs come from (decision D5). */
  static final class SourceOptions {
    @Option(
        names = "--guest-dir",
        defaultValue = "guest",
        description =
            "A folder laid out like upstream's guest/: config/ai, config/vm/environment.toml,"
                + " config/kernel, artifacts (default: guest).")
    String guestDir;

    @Option(names = "--providers-dir", description = "AI-provider definitions (<id>.toml each).")
    String providersDir;

    @Option(names = "--environment", description = "The vm/environment.toml to copy.")
    String environment;

    @Option(names = "--defconfig-dir", description = "The folder holding defconfig.<arch>.")
    String defconfigDir;

    @Option(names = "--artifacts", description = "The guest artifacts folder.")
    String artifacts;

    @Option(
        names = "--ca",
        defaultValue = "config/capsem-ca.crt",
        description = "The operator's CA certificate (default: config/capsem-ca.crt).")
    String ca;

    WorkspaceSources sources() {
      WorkspaceSources sources =
          WorkspaceSources.fromGuestDir(GivenPath.of(guestDir), GivenPath.of(ca));
      if (providersDir != null) {
        sources = sources.withProviders(GivenPath.of(providersDir));
      }
      if (environment != null) {
        sources = sources.withEnvironment(GivenPath.of(environment));
      }
      if (defconfigDir != null) {
        sources = sources.withDefconfigs(GivenPath.of(defconfigDir));
      }
      if (artifacts != null) {
        sources = sources.withArtifacts(GivenPath.of(artifacts));
      }
      return sources;
    }
  }

  @Command(
      name = "build-workspace",
      description =
          "Write the build workspace a profile derives (config/*.toml, kernel, artifacts).")
  static final class BuildWorkspace extends CommandSupport implements Callable<Integer> {
    @Spec CommandSpec spec;
    private final Capsem capsem;

    @Parameters(paramLabel = "PROFILE_PATH", description = "The profile (JSON, or TOML otherwise).")
    String profile;

    @Option(names = "--out", required = true, description = "The workspace folder to write.")
    String out;

    @Option(
        names = "--arch",
        defaultValue = "all",
        description = "all, arm64 or x86_64 (default: all).")
    String arch;

    @Option(names = "--force", description = "Write into a non-empty folder.")
    boolean force;

    @Option(names = "--json", description = "Print the JSON report.")
    boolean json;

    @Mixin SourceOptions inputs;

    BuildWorkspace(Capsem capsem) {
      this.capsem = capsem;
    }

    @Override
    CommandSpec spec() {
      return spec;
    }

    @Override
    public Integer call() {
      choice(arch, "--arch", ARCHES);
      Path file = existingFile(profile, "PROFILE_PATH");
      notAFile(out, "--out");
      return printOutcome(
          console(),
          capsem
              .images()
              .buildWorkspace(
                  new ImageWorkspaceRequest(
                      file, profile, arch, GivenPath.of(out), force, inputs.sources())),
          json);
    }
  }

  @Command(
      name = "build",
      description =
          "Build kernel, initrd and rootfs per architecture through the container runtime, then"
              + " B3SUMS and manifest.json.")
  static final class Build extends CommandSupport implements Callable<Integer> {
    @Spec CommandSpec spec;
    private final Capsem capsem;

    @Parameters(paramLabel = "PROFILE_PATH", description = "The profile (JSON, or TOML otherwise).")
    String profile;

    @Option(
        names = "--out",
        defaultValue = "assets",
        description = "Asset folder (default: assets).")
    String out;

    @Option(
        names = "--workspace-dir",
        description = "Keep the build workspace here (default: a temporary folder).")
    String workspaceDir;

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

    @Option(names = "--force", description = "Write into a non-empty --workspace-dir.")
    boolean force;

    @Option(names = "--json", description = "Print the JSON report.")
    boolean json;

    @Option(names = "--verbose", description = "Show the output of builds as they run.")
    boolean verbose;

    @Option(names = "--no-cache", description = "Rebuild every image layer.")
    boolean noCache;

    @Option(
        names = "--binary-version",
        description =
            "The Capsem binary version manifest.json pairs the assets with"
                + " (default: version = of ./Cargo.toml).")
    String binaryVersion;

    @Option(
        names = "--guest-binaries",
        description = "Prebuilt guest agents, <dir>/<arch>/<name> (default: <guest-dir>/binaries).")
    String guestBinaries;

    @Option(names = "--without-guest-binaries", description = "Build a rootfs without the agents.")
    boolean withoutGuestBinaries;

    @Option(names = "--kernel-source", description = "A local kernel source tarball.")
    String kernelSource;

    @Option(names = "--kernel-url", description = "Download the kernel source from this URL.")
    String kernelUrl;

    @Option(names = "--kernel-sha256", description = "The kernel source's expected SHA-256.")
    String kernelSha256;

    @Option(names = "--kernel-version", description = "The kernel.org version (skips the lookup).")
    String kernelVersion;

    @Option(
        names = "--node-source",
        defaultValue = "nvm",
        description = "nvm, debian or none (default: nvm).")
    String nodeSource;

    @Option(
        names = "--uv-installer",
        description = "The uv installer URL, or none (default: https://astral.sh/uv/install.sh).")
    String uvInstaller;

    @Option(names = "--python-index", description = "Install Python packages from this index.")
    String pythonIndex;

    @Option(names = "--python-wheels", description = "Install Python packages from these wheels.")
    String pythonWheels;

    @Option(
        names = "--build-ca",
        description = "CA certificates (PEM) trusted while building, e.g. of a TLS proxy.")
    String buildCa;

    @Mixin SourceOptions inputs;

    Build(Capsem capsem) {
      this.capsem = capsem;
    }

    @Override
    CommandSpec spec() {
      return spec;
    }

    @Override
    public Integer call() {
      choice(arch, "--arch", ARCHES);
      choice(template, "--template", ImageTemplate.NAMES);
      choice(nodeSource, "--node-source", PackageSources.NODE_SOURCES);
      Path file = existingFile(profile, "PROFILE_PATH");
      notAFile(out, "--out");
      if (workspaceDir != null) {
        notAFile(workspaceDir, "--workspace-dir");
      }
      Console console = console();
      String version = binaryVersion != null ? binaryVersion : cargoVersion();
      if (version == null && !dryRun) {
        console.err("Error: binary version not set (pass --binary-version)");
        return ExitCodes.INVALID;
      }
      BuildSettings settings;
      try {
        settings =
            new BuildSettings(
                ImageTemplate.parse(template),
                GivenPath.of(out),
                withoutGuestBinaries
                    ? GuestBinaries.none()
                    : GuestBinaries.in(
                        GivenPath.of(
                            guestBinaries != null
                                ? guestBinaries
                                : trimSlash(inputs.guestDir) + "/binaries")),
                new KernelSource(
                    kernelSource == null ? null : GivenPath.of(kernelSource),
                    kernelUrl == null ? null : uri(kernelUrl, "--kernel-url"),
                    kernelSha256,
                    kernelVersion),
                new PackageSources(
                    nodeSource,
                    uvInstaller == null
                        ? PackageSources.UPSTREAM_UV_INSTALLER
                        : uvInstaller.equals("none") ? null : uri(uvInstaller, "--uv-installer"),
                    pythonIndex == null ? null : uri(pythonIndex, "--python-index"),
                    pythonWheels == null ? null : GivenPath.of(pythonWheels),
                    buildCa == null ? null : GivenPath.of(buildCa)),
                version,
                noCache,
                dryRun);
      } catch (IllegalArgumentException e) {
        throw usage(e.getMessage());
      }
      Capsem engine = verbose ? withBuildOutput(capsem, console) : capsem;
      ImageOutcome outcome =
          engine
              .images()
              .build(
                  new ImageBuildRequest(
                      file,
                      profile,
                      arch,
                      workspaceDir == null ? null : GivenPath.of(workspaceDir),
                      force,
                      inputs.sources(),
                      settings),
                  new ConsoleProgress(console));
      return printOutcome(console, outcome, json);
    }

    private static Capsem withBuildOutput(Capsem capsem, Console console) {
      Ports ports = capsem.ports();
      return Capsem.with(
          ports.withContainers(
              AdminPorts.containers(
                  ports.host().environment(), line -> console.err("    | " + line)),
              ports.downloads()));
    }

    /** Upstream's binary version source: the first {@code version = "..."} of ./Cargo.toml. */
    private static String cargoVersion() {
      Path cargo = Path.of("Cargo.toml");
      if (!Files.isRegularFile(cargo)) {
        return null;
      }
      try {
        return AssetManifestV2.cargoVersion(Files.readString(cargo, StandardCharsets.UTF_8));
      } catch (IOException e) {
        return null;
      }
    }

    private URI uri(String value, String option) {
      try {
        URI uri = new URI(value);
        if (uri.getScheme() == null) {
          throw usage("Invalid value for '" + option + "': '" + value + "' is not a URL.");
        }
        return uri;
      } catch (URISyntaxException e) {
        throw usage("Invalid value for '" + option + "': '" + value + "' is not a URL.");
      }
    }

    private static String trimSlash(String path) {
      return path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
    }
  }
}

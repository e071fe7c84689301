package dev.capsem.core.api;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.internal.image.BuildSettings;
import dev.capsem.core.internal.image.GuestBinaries;
import dev.capsem.core.internal.image.ImageTemplate;
import dev.capsem.core.internal.image.KernelSource;
import dev.capsem.core.internal.image.PackageSources;
import dev.capsem.core.internal.image.WorkspaceSources;
import dev.capsem.core.internal.image.rootfs.RootfsWriter;
import dev.capsem.core.internal.kit.GuestKit;
import dev.capsem.core.internal.kit.ProjectCa;
import dev.capsem.core.internal.manifest.ManifestFlow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@link ImageOptions} checked and turned into what the domain builds from: the workspace's sources
 * and the build settings, or the coded findings of every bad value.
 */
final class ImageInputs {

  /** The sources and settings, or (both null) the problems. */
  record Checked(WorkspaceSources sources, BuildSettings settings, List<Diagnostic> problems) {}

  private ImageInputs() {}

  /** Where the project keeps the materialised kit and the project CA when none is named. */
  static final String STATE_DIR = ".capsem";

  /**
   * The workspace inputs: each kind from the operator's folder or file when given, else from the
   * guest kit shipped with the product (materialised once under the state folder); the CA the
   * operator's, else the project CA. Every input's origin is recorded for the reports.
   *
   * @throws UncheckedIOException when the kit or the project CA cannot be written (E312)
   */
  static WorkspaceSources sources(ImageOptions options, Ports ports) {
    GivenPath state = options.stateDir() != null ? options.stateDir() : GivenPath.of(STATE_DIR);
    try {
      GivenPath ca = options.caCertificate();
      String caOrigin = ca == null ? null : ca.shown();
      if (ca == null) {
        ca = ProjectCa.ensure(state, ports.caGenerator(), ports.clock().instant());
        caOrigin = "project CA " + ca.shown() + " (generated once; not the company's CA)";
      }
      WorkspaceSources sources;
      String origin;
      if (options.guestDir() != null) {
        sources = WorkspaceSources.fromGuestDir(options.guestDir(), ca);
        origin = null;
      } else if (options.providers() != null
          && options.environment() != null
          && options.defconfigs() != null
          && options.artifacts() != null) {
        // Every kind named: the kit is not needed, nor written.
        sources =
            new WorkspaceSources(
                options.providers(),
                options.environment(),
                options.defconfigs(),
                options.artifacts(),
                ca);
        origin = null;
      } else {
        GuestKit kit = GuestKit.bundled();
        GivenPath kitRoot = state.resolve("kit");
        Path dir = kit.cached(kitRoot.path());
        sources =
            WorkspaceSources.fromGuestDir(
                new GivenPath(dir, kitRoot.shown() + "/" + dir.getFileName()), ca);
        origin = WorkspaceSources.KIT + kit.version();
      }
      sources =
          sources
              .withOrigin("providers", origin != null ? origin : sources.providers().shown())
              .withOrigin("environment", origin != null ? origin : sources.environment().shown())
              .withOrigin("defconfigs", origin != null ? origin : sources.defconfigs().shown())
              .withOrigin("artifacts", origin != null ? origin : sources.artifacts().shown())
              .withOrigin("ca_certificate", caOrigin);
      if (options.providers() != null) {
        sources =
            sources
                .withProviders(options.providers())
                .withOrigin("providers", options.providers().shown());
      }
      if (options.environment() != null) {
        sources =
            sources
                .withEnvironment(options.environment())
                .withOrigin("environment", options.environment().shown());
      }
      if (options.defconfigs() != null) {
        sources =
            sources
                .withDefconfigs(options.defconfigs())
                .withOrigin("defconfigs", options.defconfigs().shown());
      }
      if (options.artifacts() != null) {
        sources =
            sources
                .withArtifacts(options.artifacts())
                .withOrigin("artifacts", options.artifacts().shown());
      }
      return sources;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the project state under " + state.shown() + ": " + e.getMessage(), e);
    }
  }

  /** {@link #sources}, or the E312 that stopped it. */
  static Checked sourcesChecked(ImageOptions options, Ports ports) {
    try {
      return new Checked(sources(options, ports), null, List.of());
    } catch (UncheckedIOException e) {
      return problem(Code.E312, e.getMessage());
    }
  }

  static Checked check(ImageOptions options, Ports ports) {
    Checked sourced = sourcesChecked(options, ports);
    if (sourced.sources() == null) {
      return sourced;
    }
    WorkspaceSources sources = sourced.sources();
    try {
      ImageTemplate template = template(options.template());
      String version = options.binaryVersion();
      String versionOrigin = "given";
      if (version == null) {
        version = ManifestFlow.cargoVersion(Path.of("Cargo.toml"));
        versionOrigin = "Cargo.toml";
      }
      if (version == null) {
        version = GuestKit.bundled().capsemRelease();
        versionOrigin = "the Capsem release capsem-java targets";
      }
      sources = sources.withOrigin("binary_version", version + " (" + versionOrigin + ")");
      GivenPath binaries =
          options.guestBinaries() != null
              ? options.guestBinaries()
              : options.guestDir() != null
                      && Files.isDirectory(options.guestDir().resolve("binaries").path())
                  ? options.guestDir().resolve("binaries")
                  : null;
      boolean withoutAgents = options.withoutGuestBinaries() || binaries == null;
      sources =
          sources.withOrigin(
              "guest_binaries",
              options.withoutGuestBinaries()
                  ? "none (left out by configuration)"
                  : binaries == null
                      ? "none (no folder given: the image has no Capsem agents)"
                      : binaries.shown());
      sources = sources.withOrigin("kernel_source", kernelOrigin(options));
      BuildSettings settings =
          new BuildSettings(
              template,
              options.assets() != null ? options.assets() : GivenPath.of("assets"),
              withoutAgents ? GuestBinaries.none() : GuestBinaries.in(binaries),
              new KernelSource(
                  options.kernelSource(),
                  url(options.kernelUrl(), "kernel URL"),
                  options.kernelSha256(),
                  options.kernelVersion()),
              new PackageSources(
                  options.nodeSource(),
                  options.uvInstaller() == null || options.uvInstaller().equals("none")
                      ? null
                      : url(options.uvInstaller(), "uv installer"),
                  url(options.pythonIndex(), "Python index"),
                  options.pythonWheels(),
                  options.buildCa()),
              version,
              options.noCache(),
              options.dryRun(),
              options.squashfsWriter() == null
                  ? RootfsWriter.DEFAULT
                  : RootfsWriter.parse(options.squashfsWriter()));
      return new Checked(sources, settings, List.of());
    } catch (IllegalArgumentException e) {
      return problem(Code.E005, e.getMessage());
    }
  }

  private static String kernelOrigin(ImageOptions options) {
    if (options.kernelSource() != null) {
      return options.kernelSource().shown();
    }
    if (options.kernelUrl() != null) {
      return options.kernelUrl();
    }
    if (options.kernelVersion() != null) {
      return "kernel.org " + options.kernelVersion();
    }
    return "Debian's linux-source of the base image's release (apt, verified by its signatures)";
  }

  private static ImageTemplate template(String name) {
    if (!ImageTemplate.NAMES.contains(name)) {
      throw new IllegalArgumentException(
          "template must be one of " + String.join(", ", ImageTemplate.NAMES) + ": " + name);
    }
    return ImageTemplate.parse(name);
  }

  private static URI url(String value, String what) {
    if (value == null) {
      return null;
    }
    try {
      URI uri = new URI(value);
      if (uri.getScheme() == null) {
        throw new IllegalArgumentException(what + " '" + value + "' is not a URL");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(what + " '" + value + "' is not a URL", e);
    }
  }

  private static Checked problem(Code code, String message) {
    return new Checked(null, null, List.of(new Diagnostic(code, null, "", null, message)));
  }
}

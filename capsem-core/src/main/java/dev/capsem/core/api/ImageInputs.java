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
import dev.capsem.core.internal.manifest.ManifestFlow;
import java.net.URI;
import java.net.URISyntaxException;
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

  static WorkspaceSources sources(ImageOptions options) {
    WorkspaceSources sources =
        WorkspaceSources.fromGuestDir(options.guestDir(), options.caCertificate());
    if (options.providers() != null) {
      sources = sources.withProviders(options.providers());
    }
    if (options.environment() != null) {
      sources = sources.withEnvironment(options.environment());
    }
    if (options.defconfigs() != null) {
      sources = sources.withDefconfigs(options.defconfigs());
    }
    if (options.artifacts() != null) {
      sources = sources.withArtifacts(options.artifacts());
    }
    return sources;
  }

  static Checked check(ImageOptions options) {
    try {
      ImageTemplate template = template(options.template());
      String version = options.binaryVersion();
      if (version == null) {
        version = ManifestFlow.cargoVersion(Path.of("Cargo.toml"));
      }
      if (version == null && !options.dryRun()) {
        return problem(Code.E409, "binary version not set (pass --binary-version)");
      }
      GivenPath binaries =
          options.guestBinaries() != null
              ? options.guestBinaries()
              : options.guestDir().resolve("binaries");
      BuildSettings settings =
          new BuildSettings(
              template,
              options.assets() != null ? options.assets() : GivenPath.of("assets"),
              options.withoutGuestBinaries() ? GuestBinaries.none() : GuestBinaries.in(binaries),
              new KernelSource(
                  options.kernelSource(),
                  url(options.kernelUrl(), "kernel URL"),
                  options.kernelSha256(),
                  options.kernelVersion()),
              new PackageSources(
                  options.nodeSource(),
                  options.uvInstaller() == null
                      ? PackageSources.UPSTREAM_UV_INSTALLER
                      : options.uvInstaller().equals("none")
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
      return new Checked(sources(options), settings, List.of());
    } catch (IllegalArgumentException e) {
      return problem(Code.E005, e.getMessage());
    }
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

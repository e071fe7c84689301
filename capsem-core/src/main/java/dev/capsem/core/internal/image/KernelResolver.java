package dev.capsem.core.internal.image;

import dev.capsem.core.internal.workspace.GuestConfig.ArchConfig;
import dev.capsem.core.ports.BuildProgress;
import dev.capsem.core.ports.Downloader;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which kernel source a build compiles (decision D12): the operator's tarball, URL or kernel.org
 * version, else Debian's {@code linux-source} package inside the build container (no download on
 * the host: apt fetches and verifies it).
 */
final class KernelResolver {

  private static final Pattern VERSION_IN_NAME = Pattern.compile("(\\d+\\.\\d+(?:\\.\\d+)?)");

  /**
   * A resolved source.
   *
   * @param source where the report says it came from
   * @param url where to download it, or null for a local tarball
   * @param tarball the local tarball, or null
   * @param contextName its name in the build context, or null for Debian's package
   */
  record Resolved(String version, String source, URI url, Path tarball, String contextName) {}

  /** What the report says of Debian's package before the build has named its version. */
  static final String DEBIAN_SOURCE = "debian:linux-source (apt, in the build container)";

  private final KernelSource source;

  /** Resolves without looking anything up: every source is named, or Debian's package. */
  KernelResolver(
      KernelSource source, boolean dryRun, Downloader downloads, BuildProgress progress) {
    this.source = source;
  }

  Resolved resolve(ArchConfig archConfig) {
    if (source.fromDebian()) {
      return new Resolved("debian", DEBIAN_SOURCE, null, null, null);
    }
    if (source.tarball() != null) {
      String name = source.tarball().path().getFileName().toString();
      Matcher version = VERSION_IN_NAME.matcher(name);
      return new Resolved(
          version.find() ? version.group(1) : "unknown",
          source.tarball().shown(),
          null,
          source.tarball().path(),
          "linux-source" + tarExtension(name));
    }
    if (source.url() != null) {
      String name = source.url().getPath();
      name = name.substring(name.lastIndexOf('/') + 1);
      Matcher version = VERSION_IN_NAME.matcher(name);
      return new Resolved(
          source.version() != null
              ? source.version()
              : version.find() ? version.group(1) : "unknown",
          source.url().toString(),
          source.url(),
          null,
          "linux-source" + tarExtension(name));
    }
    String version = source.version();
    String major = version.contains(".") ? version.substring(0, version.indexOf('.')) : version;
    URI url =
        URI.create(
            "https://cdn.kernel.org/pub/linux/kernel/v"
                + major
                + ".x/linux-"
                + version
                + ".tar.xz");
    return new Resolved(version, url.toString(), url, null, "linux-source.tar.xz");
  }

  private static String tarExtension(String name) {
    for (String extension : List.of(".tar.xz", ".tar.gz", ".tgz", ".tar.bz2", ".tar")) {
      if (name.endsWith(extension)) {
        return extension;
      }
    }
    return ".tar";
  }
}

package dev.capsem.core.internal.image;

import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.JsonDialect;
import dev.capsem.core.internal.json.JsonReader;
import dev.capsem.core.internal.json.JsonSyntaxException;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.Nodes;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.workspace.GuestConfig.ArchConfig;
import dev.capsem.core.ports.BuildProgress;
import dev.capsem.core.ports.Downloader;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which kernel source a build compiles (decision D12): the operator's tarball or URL, else the
 * newest long-term release of the workspace's branch from kernel.org, as upstream resolves it
 * (image-build.md §4.5).
 */
final class KernelResolver {

  static final String FALLBACK_KERNEL = "6.6.127";

  private static final Pattern RELEASE = Pattern.compile("\\d+\\.\\d+\\.\\d+");
  private static final Pattern VERSION_IN_NAME = Pattern.compile("(\\d+\\.\\d+(?:\\.\\d+)?)");

  /**
   * A resolved source.
   *
   * @param source where the report says it came from
   * @param url where to download it, or null for a local tarball
   * @param tarball the local tarball, or null
   * @param contextName its name in the build context
   */
  record Resolved(String version, String source, URI url, Path tarball, String contextName) {}

  private final KernelSource source;
  private final boolean dryRun;
  private final Downloader downloads;
  private final BuildProgress progress;
  private final java.util.Map<String, String> latest = new java.util.HashMap<>();

  KernelResolver(
      KernelSource source, boolean dryRun, Downloader downloads, BuildProgress progress) {
    this.source = source;
    this.dryRun = dryRun;
    this.downloads = downloads;
    this.progress = progress;
  }

  Resolved resolve(ArchConfig archConfig) {
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
    if (version == null) {
      // Looked up once per branch: the step's inputs and the step itself both ask.
      version =
          dryRun
              ? archConfig.kernelBranch()
              : latest.computeIfAbsent(archConfig.kernelBranch(), this::latestLongterm);
    }
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

  /** Upstream's kernel.org lookup: newest long-term, non-EOL release of the branch. */
  private String latestLongterm(String branch) {
    try {
      Node parsed =
          JsonReader.read(
              new String(
                  downloads.get(
                      URI.create("https://www.kernel.org/releases.json"), Duration.ofSeconds(10)),
                  StandardCharsets.UTF_8),
              JsonDialect.PYTHON);
      String best = null;
      if (parsed instanceof ObjectNode root && root.get("releases") instanceof ArrayNode list) {
        for (Node item : list.items()) {
          if (!(item instanceof ObjectNode release)
              || !"longterm".equals(release.string("moniker"))
              || Boolean.TRUE.equals(Nodes.bool(release, "iseol"))) {
            continue;
          }
          String version = release.string("version");
          if (version == null || !RELEASE.matcher(version).matches()) {
            continue;
          }
          if (!branch.equals("auto") && !version.startsWith(branch + ".")) {
            continue;
          }
          if (best == null || compareVersions(version, best) > 0) {
            best = version;
          }
        }
      }
      if (best != null) {
        return best;
      }
    } catch (IOException | JsonSyntaxException e) {
      progress.note("kernel.org release list unavailable (" + e.getMessage() + ")");
    }
    progress.note(
        "warning: no kernel release found for branch " + branch + "; using " + FALLBACK_KERNEL);
    return FALLBACK_KERNEL;
  }

  private static int compareVersions(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < 3; i++) {
      int c = Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i]));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}

package dev.capsem.core.internal.image;

import dev.capsem.core.internal.json.BooleanNode;
import dev.capsem.core.internal.json.JsonDialect;
import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.json.JsonReader;
import dev.capsem.core.internal.json.JsonSyntaxException;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The format-2 asset manifest derived from {@code B3SUMS} lines, as upstream's {@code
 * scripts/gen_manifest.py} writes it (manifest-signing.md §1.1): one release, entries in line
 * order, bare hashes, {@code json.dumps(indent=2)} plus a newline. Kept small and self-contained so
 * that the manifest model of the manifest use cases can replace it.
 */
public final class AssetManifestV2 {

  private static final DateTimeFormatter VERSION_DATE =
      DateTimeFormatter.ofPattern("yyyy.MMdd", Locale.ROOT);

  /** Sizes of the listed files, by {@code <arch>/<name>}; 0 for a missing file, as upstream. */
  @FunctionalInterface
  public interface Sizes {
    long of(String relativePath) throws IOException;
  }

  /** The manifest text and the asset version it releases. */
  public record Generated(String json, String assetVersion) {}

  private AssetManifestV2() {}

  public static Generated fromB3sums(
      String b3sums, Sizes sizes, String previousManifest, LocalDate date, String binaryVersion)
      throws IOException {
    return withVersion(
        b3sums, sizes, nextAssetVersion(previousManifest, date), date, binaryVersion);
  }

  /** The manifest of one release numbered {@code assetVersion}. */
  static Generated withVersion(
      String b3sums, Sizes sizes, String assetVersion, LocalDate date, String binaryVersion)
      throws IOException {
    Map<String, ObjectNode.Builder> arches = new LinkedHashMap<>();
    for (String line : b3sums.split("\n", -1)) {
      String[] parts = line.strip().split("\\s+", 2);
      if (parts.length != 2) {
        continue;
      }
      String path = parts[1].strip();
      String arch = path.contains("/") ? path.substring(0, path.indexOf('/')) : "unknown";
      String name = path.contains("/") ? path.substring(path.indexOf('/') + 1) : path;
      arches
          .computeIfAbsent(arch, key -> ObjectNode.builder())
          .put(
              name, ObjectNode.builder().put("hash", parts[0]).put("size", sizes.of(path)).build());
    }
    ObjectNode.Builder archNodes = ObjectNode.builder();
    arches.forEach((arch, files) -> archNodes.put(arch, files.build()));
    String day = date.toString();
    ObjectNode manifest =
        ObjectNode.builder()
            .put("format", 2)
            .put(
                "assets",
                ObjectNode.builder()
                    .put("current", assetVersion)
                    .put(
                        "releases",
                        ObjectNode.builder()
                            .put(
                                assetVersion,
                                ObjectNode.builder()
                                    .put("date", day)
                                    .put("deprecated", BooleanNode.of(false))
                                    .put("min_binary", "1.0.0")
                                    .put("arches", archNodes.build())
                                    .build())
                            .build())
                    .build())
            .put(
                "binaries",
                ObjectNode.builder()
                    .put("current", binaryVersion)
                    .put(
                        "releases",
                        ObjectNode.builder()
                            .put(
                                binaryVersion,
                                ObjectNode.builder()
                                    .put("date", day)
                                    .put("deprecated", BooleanNode.of(false))
                                    .put("min_assets", assetVersion)
                                    .build())
                            .build())
                    .build())
            .build();
    return new Generated(JsonPrinter.prettyAscii().printLine(manifest), assetVersion);
  }

  /**
   * {@code YYYY.MMDD.N}: one more than the highest patch released the same day in the previous
   * manifest (compared as numbers, so {@code .9} is followed by {@code .10}).
   */
  static String nextAssetVersion(String previousManifest, LocalDate date) {
    String prefix = VERSION_DATE.format(date);
    long next = 1;
    for (String version : previousVersions(previousManifest)) {
      if (!version.startsWith(prefix + ".")) {
        continue;
      }
      String patch = version.substring(version.lastIndexOf('.') + 1);
      try {
        next = Math.max(next, Long.parseLong(patch.strip()) + 1);
      } catch (NumberFormatException e) {
        // Upstream skips patches that are not integers.
      }
    }
    return prefix + "." + next;
  }

  /** The {@code assets.current} of a format-2 manifest, or null when it has none. */
  static String currentAssetVersion(String manifest) {
    try {
      if (JsonReader.read(manifest, JsonDialect.PYTHON) instanceof ObjectNode root) {
        return root.object("assets").string("current");
      }
    } catch (JsonSyntaxException | RuntimeException e) {
      return null;
    }
    return null;
  }

  private static List<String> previousVersions(String previousManifest) {
    List<String> versions = new ArrayList<>();
    if (previousManifest == null) {
      return versions;
    }
    Node parsed;
    try {
      parsed = JsonReader.read(previousManifest, JsonDialect.PYTHON);
    } catch (JsonSyntaxException e) {
      return versions; // upstream treats an unreadable manifest as absent
    }
    if (!(parsed instanceof ObjectNode manifest)) {
      return versions;
    }
    Node format = manifest.get("format");
    boolean formatTwo =
        format instanceof dev.capsem.core.internal.json.IntegerNode n && n.value().intValue() == 2;
    Node releases = manifest.object("assets").get("releases");
    if (formatTwo && (releases == null || releases instanceof ObjectNode)) {
      if (releases instanceof ObjectNode map) {
        versions.addAll(map.keys());
      }
      return versions;
    }
    String latest = manifest.string("latest");
    if (latest != null && !latest.isEmpty()) {
      versions.add(latest);
    }
    return versions;
  }

  /**
   * The binary version upstream reads from {@code Cargo.toml}: the first line that starts with
   * {@code version} and holds {@code =}, its value without quotes; null when there is none.
   */
  public static String cargoVersion(String cargoToml) {
    for (String line : cargoToml.split("\n")) {
      String stripped = line.strip();
      if (stripped.startsWith("version") && stripped.contains("=")) {
        return stripped.substring(stripped.indexOf('=') + 1).strip().replace("\"", "");
      }
    }
    return null;
  }
}

package dev.capsem.core.internal.image;

import dev.capsem.core.internal.json.JsonDialect;
import dev.capsem.core.internal.json.JsonReader;
import dev.capsem.core.internal.json.JsonSyntaxException;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.manifest.AssetManifestDraft;
import dev.capsem.core.internal.manifest.AssetNames;
import dev.capsem.core.internal.manifest.B3Sums;
import dev.capsem.core.ports.Hasher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/**
 * Upstream's {@code generate_checksums}: the asset files of every architecture folder (sorted, then
 * by name), {@code B3SUMS} with one {@code <hex> <arch>/<file>} line each, {@code manifest.json}
 * from those lines ({@link AssetManifestDraft}), and the {@code current} link to the last folder.
 */
final class ChecksumsAndManifest implements AssetReleaseWriter {

  static final List<String> ASSET_NAMES = AssetNames.SORTED;

  private final Hasher hasher;

  ChecksumsAndManifest(Hasher hasher) {
    this.hasher = hasher;
  }

  @Override
  public Release write(
      Path assetsDir, LocalDate date, String binaryVersion, String previousManifest)
      throws IOException {
    Listed listed = list(assetsDir);
    ReadableFiles.writeString(assetsDir.resolve("B3SUMS"), listed.b3sums());
    AssetManifestDraft.Built manifest =
        draft(listed, date, binaryVersion)
            .build(looseJson(previousManifest), null, sizes(assetsDir));
    ReadableFiles.writeString(assetsDir.resolve("manifest.json"), manifest.text());
    if (!listed.archDirs().isEmpty()) {
      Path current = assetsDir.resolve("current");
      if (Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS)) {
        deleteTree(current);
      } else {
        Files.deleteIfExists(current);
      }
      Files.createSymbolicLink(
          current, Path.of(listed.archDirs().get(listed.archDirs().size() - 1)));
    }
    return new Release(manifest.assetVersion(), binaryVersion, listed.assets());
  }

  @Override
  public Release unchanged(Path assetsDir, LocalDate date, String binaryVersion)
      throws IOException {
    Path b3sums = assetsDir.resolve("B3SUMS");
    Path manifestFile = assetsDir.resolve("manifest.json");
    if (!Files.isRegularFile(b3sums) || !Files.isRegularFile(manifestFile)) {
      return null;
    }
    Listed listed = list(assetsDir);
    if (!listed.b3sums().equals(Files.readString(b3sums, StandardCharsets.UTF_8))) {
      return null;
    }
    String manifest = Files.readString(manifestFile, StandardCharsets.UTF_8);
    String version =
        looseJson(manifest) instanceof ObjectNode root
                && root.get("assets") instanceof ObjectNode assets
            ? assets.string("current")
            : null;
    if (version == null) {
      return null;
    }
    String expected =
        draft(listed, date, binaryVersion).build(version, null, sizes(assetsDir)).text();
    return expected.equals(manifest) ? new Release(version, binaryVersion, listed.assets()) : null;
  }

  /** Upstream reads the previous manifest with {@code json.load}; unreadable counts as none. */
  private static Node looseJson(String text) {
    if (text == null) {
      return null;
    }
    try {
      return JsonReader.read(text, JsonDialect.PYTHON);
    } catch (JsonSyntaxException e) {
      return null;
    }
  }

  /** Upstream's manifest of these assets: {@code min_binary} 1.0.0, as gen_manifest.py writes. */
  private static AssetManifestDraft draft(Listed listed, LocalDate date, String binaryVersion) {
    return new AssetManifestDraft(B3Sums.parse(listed.b3sums()), binaryVersion, "1.0.0", date);
  }

  /** The size of a listed file, 0 when it is missing (as upstream records it). */
  private static ToLongFunction<String> sizes(Path assetsDir) {
    return relative -> {
      Path file = assetsDir.resolve(relative);
      try {
        return Files.isRegularFile(file) ? Files.size(file) : 0L;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  /** The asset files and the {@code B3SUMS} text over them. */
  private record Listed(List<String> archDirs, List<Asset> assets, String b3sums) {}

  private Listed list(Path assetsDir) throws IOException {
    List<Asset> assets = new ArrayList<>();
    List<String> archDirs = new ArrayList<>();
    try (Stream<Path> children = Files.list(assetsDir)) {
      for (Path child :
          children
              .filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
              .filter(p -> !p.getFileName().toString().equals("current"))
              .filter(p -> !p.getFileName().toString().startsWith("."))
              .sorted()
              .toList()) {
        archDirs.add(child.getFileName().toString());
      }
    }
    for (String arch : archDirs) {
      for (String name : ASSET_NAMES) {
        Path file = assetsDir.resolve(arch).resolve(name);
        if (Files.isRegularFile(file)) {
          assets.add(new Asset(arch, name, Files.size(file), hasher.hexOfFile(file)));
        }
      }
    }
    if (assets.isEmpty()) {
      // Upstream's flat fallback: the three files directly in the output folder.
      for (String name : ASSET_NAMES) {
        Path file = assetsDir.resolve(name);
        if (Files.isRegularFile(file)) {
          assets.add(new Asset(null, name, Files.size(file), hasher.hexOfFile(file)));
        }
      }
    }
    StringBuilder b3sums = new StringBuilder();
    for (Asset asset : assets) {
      b3sums
          .append(asset.hash())
          .append("  ")
          .append(asset.arch() == null ? "" : asset.arch() + "/")
          .append(asset.name())
          .append('\n');
    }
    return new Listed(archDirs, assets, b3sums.toString());
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path path : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.delete(path);
      }
    }
  }
}

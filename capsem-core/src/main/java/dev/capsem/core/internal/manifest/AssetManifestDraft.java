package dev.capsem.core.internal.manifest;

import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * Builds a format-2 asset manifest from {@code B3SUMS} the way upstream's {@code gen_manifest.py}
 * does: one new asset release dated {@code today}, numbered after the releases of today already in
 * the existing manifest, and one binary release pointing at it. Without {@code merge} the document
 * is written fresh (upstream); with it the existing manifest's releases are kept, unchanged and in
 * their order, and the new ones are added.
 *
 * @param lines the {@code B3SUMS} lines, in file order (which becomes manifest order)
 * @param binaryVersion the binary release to add ({@code binaries.current})
 * @param minBinary the new asset release's {@code min_binary} (upstream writes {@code 1.0.0})
 * @param today the release date, from the injected clock
 */
public record AssetManifestDraft(
    List<B3Sums.Line> lines, String binaryVersion, String minBinary, LocalDate today) {

  public AssetManifestDraft {
    lines = List.copyOf(lines);
    Objects.requireNonNull(binaryVersion, "binaryVersion");
    Objects.requireNonNull(minBinary, "minBinary");
    Objects.requireNonNull(today, "today");
  }

  /**
   * What was built.
   *
   * @param document the manifest, in upstream's key order
   * @param assetVersion the new {@code assets.current}
   * @param assetCount how many files the new release lists
   */
  public record Built(ObjectNode document, String assetVersion, int assetCount) {

    /** {@code json.dumps(manifest, indent=2) + "\n"}: ASCII only, upstream's bytes. */
    public String text() {
      return JsonPrinter.prettyAscii().printLine(document);
    }
  }

  /**
   * Builds the manifest.
   *
   * @param existing the current manifest document as plain JSON, or {@code null} (only its version
   *     keys are read, so it need not be valid)
   * @param merged the existing manifest to keep the releases of, or {@code null} for a fresh one
   * @param sizeOf the size of an asset by its {@code B3SUMS} path (0 when the file is missing, as
   *     upstream records it)
   */
  public Built build(Node existing, AssetManifest merged, ToLongFunction<String> sizeOf) {
    return build(AssetVersions.next(existing, today), merged, sizeOf);
  }

  /**
   * Builds the manifest of the asset release numbered {@code assetVersion} (to compare a manifest
   * on disk with what its own release would give).
   */
  public Built build(String assetVersion, AssetManifest merged, ToLongFunction<String> sizeOf) {
    String date = today.toString();
    Map<String, ObjectNode.Builder> arches = new LinkedHashMap<>();
    int count = 0;
    for (B3Sums.Line line : lines) {
      ObjectNode.Builder files = arches.computeIfAbsent(line.arch(), a -> ObjectNode.builder());
      if (!files.has(line.fileName())) {
        count++;
      }
      files.put(
          line.fileName(),
          ObjectNode.builder()
              .put("hash", line.hash())
              .put("size", sizeOf.applyAsLong(line.path()))
              .build());
    }
    ObjectNode.Builder archNodes = ObjectNode.builder();
    arches.forEach((arch, files) -> archNodes.put(arch, files.build()));
    ObjectNode release =
        ObjectNode.builder()
            .put("date", date)
            .put("deprecated", false)
            .put("min_binary", minBinary)
            .put("arches", archNodes.build())
            .build();
    ObjectNode binary =
        ObjectNode.builder()
            .put("date", date)
            .put("deprecated", false)
            .put("min_assets", assetVersion)
            .build();
    ObjectNode.Builder assetReleases = ObjectNode.builder();
    ObjectNode.Builder binaryReleases = ObjectNode.builder();
    if (merged != null) {
      merged
          .document()
          .object("assets")
          .object("releases")
          .entries()
          .forEach(m -> assetReleases.put(m.key(), m.value()));
      merged
          .document()
          .object("binaries")
          .object("releases")
          .entries()
          .forEach(m -> binaryReleases.put(m.key(), m.value()));
    }
    assetReleases.put(assetVersion, release);
    binaryReleases.put(binaryVersion, binary);
    ObjectNode document =
        ObjectNode.builder()
            .put("format", AssetManifest.FORMAT)
            .put(
                "assets",
                ObjectNode.builder()
                    .put("current", assetVersion)
                    .put("releases", assetReleases.build())
                    .build())
            .put(
                "binaries",
                ObjectNode.builder()
                    .put("current", binaryVersion)
                    .put("releases", binaryReleases.build())
                    .build())
            .build();
    return new Built(document, assetVersion, count);
  }
}

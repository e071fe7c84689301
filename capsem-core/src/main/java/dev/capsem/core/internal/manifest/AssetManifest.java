package dev.capsem.core.internal.manifest;

import dev.capsem.core.internal.json.Nodes;
import dev.capsem.core.internal.json.ObjectNode;
import java.util.Map;
import java.util.Objects;

/**
 * A valid format-2 asset manifest (the brief's {@code assets/manifest.json}): asset releases and
 * binary releases on independent version tracks.
 *
 * @param currentAssets {@code assets.current}, always a key of {@code assetReleases}
 * @param assetReleases {@code assets.releases} in manifest order
 * @param currentBinary {@code binaries.current}, always a key of {@code binaryReleases}
 * @param binaryReleases {@code binaries.releases} in manifest order
 * @param document the parsed document, so that merging keeps fields this model does not name
 *     ({@code deprecated_date}, a binary's {@code version} and {@code files})
 */
public record AssetManifest(
    String currentAssets,
    Map<String, AssetRelease> assetReleases,
    String currentBinary,
    Map<String, BinaryRelease> binaryReleases,
    ObjectNode document) {

  /** The value of {@code format}. */
  public static final int FORMAT = 2;

  public AssetManifest {
    Objects.requireNonNull(currentAssets, "currentAssets");
    Objects.requireNonNull(currentBinary, "currentBinary");
    Objects.requireNonNull(document, "document");
    assetReleases = Nodes.ordered(assetReleases);
    binaryReleases = Nodes.ordered(binaryReleases);
  }
}

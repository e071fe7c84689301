package dev.capsem.core.internal.image;

import dev.capsem.core.ports.Hasher;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * The build's epilogue: checksums and the format-2 asset manifest over every architecture folder of
 * the output (image-build.md §4.7). An interface, so that the asset-manifest model of the manifest
 * use cases can take over writing without changing the build.
 */
public interface AssetReleaseWriter {

  /** One listed asset: {@code <arch>/<name>}, its size and bare BLAKE3 hex. */
  record Asset(String arch, String name, long size, String hash) {}

  /** What the epilogue wrote. */
  record Release(String assetVersion, String binaryVersion, List<Asset> assets) {
    public Release {
      assets = List.copyOf(assets);
    }
  }

  /**
   * Writes {@code B3SUMS} and {@code manifest.json} in {@code assetsDir}.
   *
   * @param previousManifest the manifest.json the folder held before this build (it only decides
   *     the release number), or null
   */
  Release write(Path assetsDir, LocalDate date, String binaryVersion, String previousManifest)
      throws IOException;

  /**
   * The release {@code B3SUMS} and {@code manifest.json} in {@code assetsDir} already describe,
   * when they are exactly what {@link #write} would write for the files there now (keeping the
   * manifest's release number), else null.
   */
  Release unchanged(Path assetsDir, LocalDate date, String binaryVersion) throws IOException;

  /** Upstream's layout: {@code B3SUMS} lines, then the manifest derived from them. */
  static AssetReleaseWriter checksumsAndManifest(Hasher hasher) {
    return new ChecksumsAndManifest(hasher);
  }
}

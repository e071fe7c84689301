package dev.capsem.core.api;

import dev.capsem.core.diag.GivenPath;
import java.nio.file.Path;
import java.util.Objects;

/**
 * {@code manifest assets}: the format-2 asset manifest of an assets folder.
 *
 * @param assetsDir the folder with {@code <arch>/vmlinuz}, {@code initrd.img}, {@code
 *     rootfs.squashfs}; its {@code B3SUMS} is read, or written first when absent
 * @param assetsDirAsGiven the folder as the user named it
 * @param out the manifest to write (and whose current content is the existing manifest), or {@code
 *     null} for {@code <assetsDir>/manifest.json}
 * @param outAsGiven {@code out} as the user named it
 * @param binaryVersion the binary release, or {@code null} to read it from {@code cargoToml}
 * @param cargoToml a {@code Cargo.toml} with the workspace version, or {@code null}
 * @param minBinary the new asset release's {@code min_binary}
 * @param merge keep the existing manifest's releases (ours); upstream writes the manifest fresh
 */
public record AssetManifestRequest(
    GivenPath assetsDir,
    GivenPath out,
    String binaryVersion,
    Path cargoToml,
    String minBinary,
    boolean merge) {

  /** What upstream hard-codes as {@code min_binary}. */
  public static final String DEFAULT_MIN_BINARY = "1.0.0";

  public AssetManifestRequest {
    Objects.requireNonNull(assetsDir, "assetsDir");
    if (minBinary == null) {
      minBinary = DEFAULT_MIN_BINARY;
    }
  }
}

package dev.capsem.maven;

import dev.capsem.core.api.AssetManifestRequest;
import dev.capsem.core.api.Capsem;
import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes the format-2 asset manifest ({@code assets/manifest.json}) of an assets folder from its
 * {@code B3SUMS} (written first when absent), dated by {@code project.build.outputTimestamp}.
 */
@Mojo(name = "manifest-assets", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public final class ManifestAssetsMojo extends AbstractCapsemMojo {

  /**
   * The assets folder: {@code <arch>/vmlinuz}, {@code initrd.img}, {@code rootfs.squashfs}.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "capsem.assetsDirectory",
      defaultValue = "${project.build.directory}/assets")
  File assetsDirectory;

  /**
   * The manifest to write; its current content is the existing manifest.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "capsem.assetManifest",
      defaultValue = "${project.build.directory}/assets/manifest.json")
  File assetManifest;

  /**
   * The Capsem binary release these assets are for ({@code binaries.current}).
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.binaryVersion", defaultValue = "")
  String binaryVersion;

  /**
   * A {@code Cargo.toml} to read the binary version from when {@code binaryVersion} is empty.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.cargoToml")
  File cargoToml;

  /**
   * The new asset release's {@code min_binary}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.minBinary", defaultValue = AssetManifestRequest.DEFAULT_MIN_BINARY)
  String minBinary;

  /**
   * Keeps the existing manifest's releases instead of writing it fresh (upstream's behaviour).
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.merge", defaultValue = "false")
  boolean merge;

  @Override
  void run(Capsem capsem) throws MojoExecutionException, MojoFailureException {
    conclude(
        capsem
            .manifests()
            .assetManifest(
                new AssetManifestRequest(
                    requiredDirectory(assetsDirectory, "assets folder", "assetsDirectory"),
                    given(assetManifest),
                    binaryVersion,
                    cargoToml == null ? null : cargoToml.toPath(),
                    minBinary,
                    merge)),
        null);
  }
}

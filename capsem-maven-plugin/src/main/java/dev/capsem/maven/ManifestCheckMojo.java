package dev.capsem.maven;

import dev.capsem.core.api.Capsem;
import dev.capsem.core.api.CheckManifestRequest;
import java.io.File;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks every location of the profile catalog: {@code fast} looks (local files, HEAD), {@code
 * download} fetches, hashes and verifies every payload, VM asset and signature.
 */
@Mojo(name = "manifest-check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class ManifestCheckMojo extends AbstractCapsemMojo {

  /**
   * The catalog to check.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "capsem.manifest",
      defaultValue = "${project.build.directory}/capsem/manifest.json")
  File manifest;

  /**
   * {@code fast} or {@code download}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.checkMode", defaultValue = "fast")
  String checkMode;

  /**
   * Where verified downloads are kept (download mode).
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "capsem.downloadDirectory",
      defaultValue = "${project.build.directory}/capsem/downloads")
  File downloadDirectory;

  /**
   * The minisign public key every signature must verify against (download mode).
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.publicKey")
  File publicKey;

  /**
   * The previously published catalog: fail on replaced payloads, a current revision moved
   * backwards, or a vanished active revision.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.previousManifest")
  File previousManifest;

  /**
   * Also accept legacy (non-prehashed) {@code Ed} signatures.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.allowLegacySignatures", defaultValue = "false")
  boolean allowLegacySignatures;

  @Override
  void run(Capsem capsem) throws MojoExecutionException, MojoFailureException {
    Choices.choice(checkMode, "checkMode", List.of("fast", "download"));
    boolean download = checkMode.equals("download");
    if (!download && publicKey != null) {
      throw new MojoFailureException("<publicKey> requires <checkMode>download</checkMode>");
    }
    conclude(
        capsem
            .manifests()
            .check(
                new CheckManifestRequest(
                    required(manifest, "manifest", "manifest"),
                    download,
                    download ? given(downloadDirectory) : null,
                    publicKey == null
                        ? null
                        : required(publicKey, "public key", "publicKey").path(),
                    allowLegacySignatures,
                    previousManifest == null
                        ? null
                        : required(previousManifest, "previous manifest", "previousManifest"))),
        "manifest-check.json");
  }
}

package dev.capsem.maven;

import dev.capsem.core.api.Capsem;
import dev.capsem.core.api.ResolveRequest;
import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Which asset release a Capsem binary would boot from an asset manifest, or why none (the
 * compatibility gates); fails when none.
 */
@Mojo(name = "manifest-resolve", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class ManifestResolveMojo extends AbstractCapsemMojo {

  /**
   * The format-2 asset manifest.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "capsem.assetManifest",
      defaultValue = "${project.build.directory}/capsem/assets/manifest.json")
  File assetManifest;

  /**
   * The binary version asking.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.binaryVersion", defaultValue = "${project.version}")
  String binaryVersion;

  /**
   * {@code arm64} or {@code x86_64}; every architecture when empty.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.arch", defaultValue = "")
  String arch;

  @Override
  void run(Capsem capsem) throws MojoExecutionException, MojoFailureException {
    conclude(
        capsem
            .manifests()
            .resolve(
                new ResolveRequest(
                    required(assetManifest, "asset manifest", "assetManifest"),
                    binaryVersion,
                    arch == null || arch.isBlank() ? null : arch)),
        "manifest-resolve.json");
  }
}

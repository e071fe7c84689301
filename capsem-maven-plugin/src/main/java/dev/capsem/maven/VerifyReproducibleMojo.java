package dev.capsem.maven;

import dev.capsem.adapters.ProgressLog;
import dev.capsem.core.api.Capsem;
import dev.capsem.core.api.ImageBuildRequest;
import dev.capsem.core.api.ReproducibilityRequest;
import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Proves the last build reproducible: rebuilds the image with the same inputs in a clean workspace
 * and without any cache (ours or Docker's), then compares every asset's BLAKE3 with the previous
 * build's {@code B3SUMS}. When they differ it fails, listing every differing file inside the rootfs
 * and the initrd. Report: {@code target/capsem/verify-reproducible.json}.
 */
@Mojo(name = "verify-reproducible", threadSafe = true)
public final class VerifyReproducibleMojo extends AbstractImageBuildMojo {

  /**
   * The clean folder the rebuild uses ({@code workspace/} and {@code assets/}), emptied first.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "capsem.rebuildDirectory",
      defaultValue = "${project.build.directory}/capsem/reproducible")
  File rebuildDirectory;

  @Override
  void run(Capsem capsem) throws MojoExecutionException, MojoFailureException {
    ImageBuildRequest build =
        new ImageBuildRequest(required(profile, "profile", "profile"), imageOptions());
    try (ProgressLog progress = progress(false)) {
      conclude(
          capsem
              .releases()
              .verifyReproducible(
                  new ReproducibilityRequest(build, given(rebuildDirectory)), progress),
          "verify-reproducible.json");
    }
  }
}

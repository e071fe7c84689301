package dev.capsem.maven;

import dev.capsem.adapters.ProgressLog;
import dev.capsem.core.api.Capsem;
import dev.capsem.core.api.PullRequest;
import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Fetches a release from a registry into an empty folder, all or nothing: each blob's digest, each
 * file's BLAKE3 (annotation and {@code B3SUMS}), then every signature against {@code publicKey}.
 */
@Mojo(name = "release-pull", threadSafe = true)
public final class ReleasePullMojo extends AbstractRegistryMojo {

  /**
   * The release to fetch: {@code REGISTRY/REPO:TAG} or {@code REGISTRY/REPO@sha256:...}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.pullFrom", required = true)
  String pullFrom;

  /**
   * An empty or absent folder the verified release is placed in.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "capsem.pullDirectory",
      defaultValue = "${project.build.directory}/capsem/pulled")
  File pullDirectory;

  /**
   * The release's minisign public key; without it signatures are not checked (W550).
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.publicKey")
  File publicKey;

  @Override
  void run(Capsem capsem) throws MojoExecutionException, MojoFailureException {
    PullRequest request =
        new PullRequest(
            pullFrom.strip(),
            given(pullDirectory),
            publicKey == null ? null : required(publicKey, "public key", "publicKey"));
    Capsem pulling = withRegistry(capsem, request.source());
    try (ProgressLog progress = progress(false)) {
      conclude(pulling.releases().pull(request, progress), "release-pull.json");
    }
  }
}

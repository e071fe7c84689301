package dev.capsem.maven;

import dev.capsem.adapters.ProgressLog;
import dev.capsem.core.api.Capsem;
import dev.capsem.core.api.PushRequest;
import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Pushes the release folder to a registry as one OCI artifact (one layer per file, annotated with
 * its name and BLAKE3; the files {@code B3SUMS} lists are checked first), with the credentials of a
 * {@code settings.xml} {@code <server>}. Bound to {@code deploy} (the {@code capsem-image}
 * packaging runs it there); without {@code publishTo} it pushes nothing.
 */
@Mojo(name = "release-push", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public final class ReleasePushMojo extends AbstractRegistryMojo {

  /**
   * Where to push the release: {@code REGISTRY/REPO:TAG}. Empty: nothing is pushed.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.publishTo", defaultValue = "")
  String publishTo;

  /**
   * The release folder, as the pipeline's package stage makes it.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "capsem.publishDirectory",
      defaultValue = "${project.build.directory}/capsem/publish")
  File publishDirectory;

  @Override
  void run(Capsem capsem) throws MojoExecutionException, MojoFailureException {
    if (publishTo == null || publishTo.isBlank()) {
      getLog().info("capsem: no publishTo (capsem.publishTo): nothing pushed");
      return;
    }
    PushRequest request =
        new PushRequest(
            requiredDirectory(publishDirectory, "release folder", "publishDirectory"),
            publishTo.strip());
    Capsem pushing = withRegistry(capsem, request.target());
    try (ProgressLog progress = progress(false)) {
      conclude(pushing.releases().push(request, progress), "release-push.json");
    }
  }
}

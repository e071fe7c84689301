package dev.capsem.maven;

import dev.capsem.core.api.Capsem;
import dev.capsem.core.api.ReleaseStage;
import java.util.EnumSet;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * The pipeline's verify stage: the image against the release profile, and the catalog, every
 * payload, asset and signature as a client checks them, served from the staged release. The {@code
 * capsem-image} packaging binds it to the {@code verify} phase; {@code capsem:build} runs every
 * stage.
 */
@Mojo(name = "pipeline-verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class PipelineVerifyMojo extends AbstractPipelineMojo {

  @Override
  void run(Capsem capsem) throws MojoExecutionException, MojoFailureException {
    release(capsem, EnumSet.of(ReleaseStage.VERIFY));
  }
}

package dev.capsem.maven;

import dev.capsem.core.api.Capsem;
import dev.capsem.core.api.ReleaseStage;
import java.util.EnumSet;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * The pipeline's validate stage: the profile, the enforcement rules and the detection rules. The
 * {@code capsem-image} packaging binds it to the {@code validate} phase; {@code capsem:build} runs
 * every stage.
 */
@Mojo(name = "pipeline-validate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public final class PipelineValidateMojo extends AbstractPipelineMojo {

  @Override
  void run(Capsem capsem) throws MojoExecutionException, MojoFailureException {
    release(capsem, EnumSet.of(ReleaseStage.VALIDATE));
  }
}

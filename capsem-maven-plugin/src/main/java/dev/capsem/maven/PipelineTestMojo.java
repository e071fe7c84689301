package dev.capsem.maven;

import dev.capsem.core.api.Capsem;
import dev.capsem.core.api.ReleaseStage;
import java.util.EnumSet;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * The pipeline's test stage: the enforcement rule tests, the enforcement backtest and the detection
 * check. The {@code capsem-image} packaging binds it to the {@code test} phase; {@code
 * capsem:build} runs every stage.
 */
@Mojo(name = "pipeline-test", defaultPhase = LifecyclePhase.TEST, threadSafe = true)
public final class PipelineTestMojo extends AbstractPipelineMojo {

  @Override
  void run(Capsem capsem) throws MojoExecutionException, MojoFailureException {
    release(capsem, EnumSet.of(ReleaseStage.TEST));
  }
}

package dev.capsem.maven;

import dev.capsem.core.api.Capsem;
import dev.capsem.core.api.ReleaseStage;
import java.util.EnumSet;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * The pipeline's package stage: the image (each step rebuilt only when its inputs changed), the
 * SBOMs, the release profile, the catalog and the signatures, attached for install and deploy. The
 * {@code capsem-image} packaging binds it to the {@code package} phase; {@code capsem:build} runs
 * every stage.
 */
@Mojo(name = "pipeline-package", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public final class PipelinePackageMojo extends AbstractPipelineMojo {

  @Override
  void run(Capsem capsem) throws MojoExecutionException, MojoFailureException {
    release(capsem, EnumSet.of(ReleaseStage.PACKAGE));
  }
}

package dev.capsem.maven;

import dev.capsem.core.api.Capsem;
import dev.capsem.core.api.ReleaseStage;
import java.util.EnumSet;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * The whole release pipeline from the command line, without a lifecycle ({@code mvn capsem:build}):
 * validate (profile, enforcement and detection rules), test (rule tests, backtest, detection
 * check), package (image, SBOMs, release profile, catalog, signatures, attachments) and verify
 * (image verify, catalog check), the same steps the {@code capsem-image} packaging runs in its
 * phases. An unchanged re-run does no container work.
 */
@Mojo(name = "build", threadSafe = true)
public final class BuildMojo extends AbstractPipelineMojo {

  @Override
  void run(Capsem capsem) throws MojoExecutionException, MojoFailureException {
    release(capsem, EnumSet.allOf(ReleaseStage.class));
  }
}

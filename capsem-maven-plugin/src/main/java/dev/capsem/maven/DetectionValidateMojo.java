package dev.capsem.maven;

import dev.capsem.core.api.Capsem;
import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Validates a detection pack's envelope (the Sigma is not parsed, as upstream). */
@Mojo(name = "detection-validate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public final class DetectionValidateMojo extends AbstractCapsemMojo {

  /**
   * The detection pack ({@code .yml}/{@code .yaml}, {@code .json} or {@code .toml}).
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "capsem.detectionPack",
      defaultValue = "${project.basedir}/security/detections.yml")
  File detectionPack;

  @Override
  void run(Capsem capsem) throws MojoExecutionException, MojoFailureException {
    conclude(
        capsem.detection().validate(required(detectionPack, "detection pack", "detectionPack")),
        "detection-validate.json");
  }
}

package dev.capsem.maven;

import dev.capsem.core.api.Capsem;
import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Compiles a detection pack's Sigma rules to Detection IR ({@code capsem.detection.ir.v1}), the
 * file the Capsem runtime loads; Sigma the IR cannot express fails the build naming the construct.
 */
@Mojo(name = "detection-compile", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public final class DetectionCompileMojo extends AbstractCapsemMojo {

  /**
   * The detection pack ({@code .yml}/{@code .yaml}, {@code .json} or {@code .toml}).
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "capsem.detectionPack",
      defaultValue = "${project.basedir}/security/detections.yml")
  File detectionPack;

  /**
   * Where the compiled Detection IR is written.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "capsem.detectionIr",
      defaultValue = "${project.build.directory}/capsem/detection.ir.json")
  File detectionIr;

  @Override
  void run(Capsem capsem) throws MojoExecutionException, MojoFailureException {
    conclude(
        capsem
            .detection()
            .compile(
                required(detectionPack, "detection pack", "detectionPack"), given(detectionIr)),
        "detection-compile.json");
  }
}

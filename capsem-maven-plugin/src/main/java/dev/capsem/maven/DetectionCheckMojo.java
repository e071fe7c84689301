package dev.capsem.maven;

import dev.capsem.core.api.Capsem;
import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Runs the compiled detection rules over a JSONL corpus of recorded events and fails the build when
 * the check fails or its findings differ from the expected report.
 */
@Mojo(name = "detection-check", defaultPhase = LifecyclePhase.TEST, threadSafe = true)
public final class DetectionCheckMojo extends AbstractCapsemMojo {

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
   * The corpus: one {@code capsem.policy-context-fixture.v1} object per line.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.events", defaultValue = "${project.basedir}/security/events.jsonl")
  File events;

  /**
   * The report the check must give ({@code timing} left out); not compared when the file does not
   * exist.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "capsem.detectionExpected",
      defaultValue = "${project.basedir}/security/detection-check.expected.json")
  File expectedReport;

  @Override
  void run(Capsem capsem) throws MojoExecutionException, MojoFailureException {
    conclude(
        capsem
            .detection()
            .check(
                required(detectionPack, "detection pack", "detectionPack"),
                required(events, "events corpus", "events"),
                ifPresent(expectedReport)),
        "detection-check.json");
  }
}

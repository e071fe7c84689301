package dev.capsem.maven;

import dev.capsem.core.api.Capsem;
import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What {@code detection-check} and {@code detection-backtest} share (the same command upstream):
 * the compiled detection rules over a JSONL corpus of recorded events, against the expected report
 * when it exists.
 */
abstract class AbstractDetectionCheckMojo extends AbstractCapsemMojo {

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
        reportName());
  }

  /** The report's file name under the output folder. */
  abstract String reportName();
}

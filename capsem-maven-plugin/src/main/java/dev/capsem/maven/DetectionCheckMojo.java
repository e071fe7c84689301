package dev.capsem.maven;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Runs the compiled detection rules over a JSONL corpus of recorded events and fails the build when
 * the check fails or its findings differ from the expected report.
 */
@Mojo(name = "detection-check", defaultPhase = LifecyclePhase.TEST, threadSafe = true)
public final class DetectionCheckMojo extends AbstractDetectionCheckMojo {

  @Override
  String reportName() {
    return "detection-check.json";
  }
}

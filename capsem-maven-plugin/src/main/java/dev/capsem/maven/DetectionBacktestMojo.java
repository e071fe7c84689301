package dev.capsem.maven;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * {@code capsem-admin detection backtest}: the same as {@code detection-check} (one command
 * upstream), its report in {@code detection-backtest.json}.
 */
@Mojo(name = "detection-backtest", defaultPhase = LifecyclePhase.TEST, threadSafe = true)
public final class DetectionBacktestMojo extends AbstractDetectionCheckMojo {

  @Override
  String reportName() {
    return "detection-backtest.json";
  }
}

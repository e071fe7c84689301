package dev.capsem.cli;

import dev.capsem.core.api.ReleaseRequest;
import picocli.CommandLine.Option;

/** A profile project's rule files; each is skipped (and said so) when it does not exist. */
final class SecurityFiles {

  @Option(
      names = "--enforcement",
      defaultValue = "security/enforcement.toml",
      description = "The enforcement rules (default: security/enforcement.toml).")
  String enforcement;

  @Option(
      names = "--enforcement-tests",
      defaultValue = "security/enforcement.enforcement-test.toml",
      description = "The rule tests (default: security/enforcement.enforcement-test.toml).")
  String enforcementTests;

  @Option(
      names = "--events",
      defaultValue = "security/events.jsonl",
      description = "Recorded events for the backtests (default: security/events.jsonl).")
  String events;

  @Option(
      names = "--enforcement-expected",
      defaultValue = "security/enforcement-backtest.expected.json",
      description =
          "The report the enforcement backtest must give"
              + " (default: security/enforcement-backtest.expected.json).")
  String enforcementExpected;

  @Option(
      names = "--detections",
      defaultValue = "security/detections.yml",
      description = "The detection pack (default: security/detections.yml).")
  String detections;

  @Option(
      names = "--detection-expected",
      defaultValue = "security/detection-check.expected.json",
      description =
          "The report the detection check must give"
              + " (default: security/detection-check.expected.json).")
  String detectionExpected;

  ReleaseRequest.Security security() {
    return new ReleaseRequest.Security(
        WorkspaceInputs.path(enforcement),
        WorkspaceInputs.path(enforcementTests),
        WorkspaceInputs.path(events),
        WorkspaceInputs.path(enforcementExpected),
        WorkspaceInputs.path(detections),
        WorkspaceInputs.path(detectionExpected));
  }
}

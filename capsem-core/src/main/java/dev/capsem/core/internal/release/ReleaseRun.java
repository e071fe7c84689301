package dev.capsem.core.internal.release;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.Report;
import dev.capsem.core.internal.image.BuildOutcome;
import dev.capsem.core.internal.profile.Profile;
import dev.capsem.core.internal.profile.ProfileCheck;
import dev.capsem.core.ports.BuildProgress;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One release as its steps see it: the configuration, the profile read once, and what the steps
 * have found and produced so far.
 */
final class ReleaseRun {

  final ReleaseConfig config;
  final ReleaseTools tools;
  final BuildProgress progress;
  final ProfileCheck profileCheck;

  final List<Diagnostic> diagnostics = new ArrayList<>();
  final List<String> results = new ArrayList<>();
  final List<ReleaseFile> files = new ArrayList<>();
  BuildOutcome build;
  boolean signed;

  /** {@code passed}, {@code failed} or {@code skipped} once the boot step ran, else null. */
  String bootTest;

  ReleaseRun(
      ReleaseConfig config, ReleaseTools tools, BuildProgress progress, ProfileCheck profileCheck) {
    this.config = config;
    this.tools = tools;
    this.progress = progress;
    this.profileCheck = profileCheck;
  }

  ReleaseLayout layout() {
    return config.layout();
  }

  /** The valid profile (the validate step stops a release whose profile is invalid). */
  Profile profile() {
    return profileCheck.profile();
  }

  /** {@code <release>/profiles/<id>-<revision>.json}: what the catalog lists. */
  GivenPath releaseProfile() {
    return PublishRules.releaseProfile(layout(), profile());
  }

  /** Whether an optional input exists; when not, the release says the step is skipped. */
  boolean present(GivenPath file, String what) {
    if (file != null && tools.files().isFile(file.path())) {
      return true;
    }
    String missing = file == null ? "no file configured" : "no " + file.shown();
    result(what + " skipped: " + missing);
    return false;
  }

  void result(String line) {
    results.add(line);
    progress.result(line);
  }

  /**
   * Ends a step: writes its report as {@code reportName} when it has one, keeps its findings, and
   * either logs what it did (the last line naming the report) or stops the release.
   */
  <T extends Report> T conclude(String reportName, Outcome<T> outcome) {
    diagnostics.addAll(outcome.diagnostics());
    GivenPath report = reportName == null ? null : layout().report(reportName);
    if (outcome.value() != null && report != null) {
      try {
        tools.files().writeText(report.path(), outcome.value().json());
      } catch (IOException e) {
        throw new ReleaseStop(
            "cannot write " + report.shown() + ": " + e.getMessage(), diagnostics, List.of());
      }
    }
    if (!outcome.ok()) {
      List<String> failures = outcome.value() == null ? List.of() : outcome.value().failures();
      throw new ReleaseStop(outcome.error(), diagnostics, failures);
    }
    List<String> summary = outcome.value().summary();
    for (int i = 0; i < summary.size(); i++) {
      boolean last = i == summary.size() - 1;
      result(summary.get(i) + (last && report != null ? "; report " + report.shown() : ""));
    }
    return outcome.value();
  }

  /** Stops the release with findings of its own (a refused configuration). */
  void stop(String why, List<Diagnostic> found) {
    diagnostics.addAll(found);
    throw new ReleaseStop(why, diagnostics, List.of());
  }
}

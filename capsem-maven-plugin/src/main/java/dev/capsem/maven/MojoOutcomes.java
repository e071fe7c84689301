package dev.capsem.maven;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.DiagnosticText;
import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.Report;
import dev.capsem.core.ports.FileAccess;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * The one place where use-case outcomes become Maven results: the report under the output folder,
 * failed checks and errors at ERROR as {@code CODE file:line:col: message}, warnings at WARN, the
 * outcome's account at INFO, then one failure listing every problem. A failure of the machine (no
 * container engine) is a {@link MojoExecutionException}, of the input a {@link
 * MojoFailureException}.
 */
final class MojoOutcomes {

  private final Log log;
  private final File outputDirectory;
  private final boolean failOnWarning;
  private final Function<File, String> shown;

  MojoOutcomes(Log log, File outputDirectory, boolean failOnWarning, Function<File, String> shown) {
    this.log = log;
    this.outputDirectory = outputDirectory;
    this.failOnWarning = failOnWarning;
    this.shown = shown;
  }

  /**
   * @param reportName the report's file name under the output folder, or null when the use case
   *     wrote its own reports
   */
  <T extends Report> T conclude(Outcome<T> outcome, String reportName)
      throws MojoExecutionException, MojoFailureException {
    T value = outcome.value();
    File report = value == null || reportName == null ? null : write(reportName, value.json());
    if (value == null) {
      log.error(outcome.error());
    }
    List<String> failures = value == null ? List.of() : value.failures();
    failures.forEach(log::error);
    List<String> problems = log(outcome.diagnostics());
    List<String> summary = value == null ? List.of() : value.summary();
    boolean failed = !outcome.ok() || (failOnWarning && !problems.isEmpty());
    for (int i = 0; i < summary.size(); i++) {
      boolean last = i == summary.size() - 1;
      log.info(
          "capsem: "
              + summary.get(i)
              + (last && !failed && report != null ? "; report " + shown.apply(report) : ""));
    }
    if (failed) {
      String message = outcome.error() != null ? outcome.error() : "warnings (failOnWarning)";
      if (!problems.isEmpty()) {
        message +=
            ": "
                + problems.size()
                + (problems.size() == 1 ? " problem" : " problems")
                + "\n"
                + String.join("\n", problems);
      } else if (!failures.isEmpty()) {
        message +=
            (report == null ? "" : "; report " + shown.apply(report))
                + "\n"
                + String.join("\n", failures);
      }
      if (outcome.environmentFailure()) {
        throw new MojoExecutionException(message);
      }
      throw new MojoFailureException(message);
    }
    return value;
  }

  /** Logs each diagnostic; returns the lines that fail the build (errors, or all if asked). */
  private List<String> log(List<Diagnostic> diagnostics) {
    List<Diagnostic> sorted = new ArrayList<>(diagnostics);
    sorted.sort(DiagnosticText.SEVERITY_THEN_CODE);
    List<String> problems = new ArrayList<>();
    for (Diagnostic d : sorted) {
      String line = DiagnosticText.compact(d);
      if (d.isError()) {
        log.error(line);
        problems.add(line);
      } else {
        log.warn(line);
        if (failOnWarning) {
          problems.add(line);
        }
      }
    }
    return problems;
  }

  /** Writes a JSON report atomically under the output folder. */
  private File write(String name, String json) throws MojoExecutionException {
    File report = new File(outputDirectory, name);
    try {
      FileAccess.local().writeText(report.toPath(), json);
      return report;
    } catch (IOException e) {
      throw new MojoExecutionException("cannot write " + report + ": " + e.getMessage(), e);
    }
  }
}

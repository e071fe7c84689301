package dev.capsem.maven;

import dev.capsem.core.api.PackReport;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.report.ExpectedReports;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/** How the backtest and check goals end: report, findings, the expected report, a summary. */
final class PackChecks {

  private PackChecks() {}

  static void conclude(
      StepContext mojo, String reportName, String subject, PackReport result, File expected)
      throws MojoExecutionException, MojoFailureException {
    List<Diagnostic> diagnostics = new ArrayList<>(result.diagnostics());
    if (result.report() != null) {
      mojo.writeReport(reportName, result.reportJson());
      if (expected.isFile()) {
        String text;
        try {
          text = Files.readString(expected.toPath(), StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw new MojoExecutionException("cannot read " + expected + ": " + e.getMessage(), e);
        }
        diagnostics.addAll(ExpectedReports.compare(result.report(), text, mojo.shown(expected)));
      }
    } else if (diagnostics.isEmpty()) {
      throw new MojoFailureException(subject + ": " + result.refusal());
    }
    String failure =
        result.report() == null ? subject + ": " + result.refusal() : subject + " failed";
    MojoOutcomes.check(mojo.log(), failure, diagnostics, mojo.failOnWarning());
    if (result.report() == null) {
      throw new MojoFailureException(failure);
    }
    String events = String.valueOf(result.count("event_count"));
    String matches = String.valueOf(result.count("match_count"));
    mojo.log()
        .info(
            "capsem: "
                + subject
                + ": "
                + events
                + " event(s), "
                + matches
                + " match(es)"
                + (expected.isFile() ? " as expected in " + mojo.shown(expected) : "")
                + "; report "
                + mojo.shown(new File(mojo.outputDirectory(), reportName)));
  }
}

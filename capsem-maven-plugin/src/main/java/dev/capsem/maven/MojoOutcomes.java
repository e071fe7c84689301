package dev.capsem.maven;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.DiagnosticText;
import dev.capsem.core.internal.io.AtomicFiles;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * The one place where use-case outcomes become Maven results: warnings at WARN, every error at
 * ERROR as {@code CODE file:line:col: message}, then one failure listing them all.
 */
final class MojoOutcomes {

  private MojoOutcomes() {}

  /** Logs the diagnostics and fails the build when there are errors (or warnings, if asked). */
  static void check(Log log, String what, List<Diagnostic> diagnostics, boolean failOnWarning)
      throws MojoFailureException {
    List<Diagnostic> sorted = new ArrayList<>(diagnostics);
    sorted.sort(DiagnosticText.SEVERITY_THEN_CODE);
    List<String> failures = new ArrayList<>();
    for (Diagnostic d : sorted) {
      String line = DiagnosticText.compact(d);
      if (d.isError()) {
        log.error(line);
        failures.add(line);
      } else {
        log.warn(line);
        if (failOnWarning) {
          failures.add(line);
        }
      }
    }
    if (!failures.isEmpty()) {
      throw new MojoFailureException(
          what
              + ": "
              + failures.size()
              + (failures.size() == 1 ? " problem" : " problems")
              + "\n"
              + String.join("\n", failures));
    }
  }

  /** Writes a JSON report atomically under the output folder. */
  static File writeReport(File outputDirectory, String name, String json)
      throws MojoExecutionException {
    File report = new File(outputDirectory, name);
    try {
      Files.createDirectories(outputDirectory.toPath());
      AtomicFiles.writeString(report.toPath(), json);
      return report;
    } catch (IOException e) {
      throw new MojoExecutionException("cannot write " + report + ": " + e.getMessage(), e);
    }
  }

  /** Logs what a document-producing use case did, or fails listing every problem. */
  static void generated(Log log, String what, dev.capsem.core.api.Generated generated)
      throws MojoFailureException {
    if (!generated.ok()) {
      String error = generated.error() == null ? what : generated.error();
      check(log, error, generated.diagnostics(), false);
      throw new MojoFailureException(error);
    }
    generated.messages().forEach(message -> log.info("capsem: " + message.strip()));
  }

  /** Input files must exist: a missing one is the user's to fix (E016), not a crash. */
  static void requireFile(File file, String shown, String parameter) throws MojoFailureException {
    if (!file.isFile()) {
      throw new MojoFailureException(
          "E016 "
              + shown
              + ": Missing required file: it does not exist (set <"
              + parameter.replaceAll(" .*", "")
              + ">)");
    }
  }
}

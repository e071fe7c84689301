package dev.capsem.maven;

import dev.capsem.core.api.Capsem;
import dev.capsem.core.api.Validation;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

/**
 * What every step of a goal (or of the whole pipeline) works with: the use cases, the log, the
 * report folder, the warning policy, and the project to name files relative to and attach artifacts
 * to. One per goal execution; steps hold no other state.
 *
 * @param helper attaches artifacts, or null where a goal attaches nothing
 */
record StepContext(
    Capsem capsem,
    Log log,
    File outputDirectory,
    boolean failOnWarning,
    MavenProject project,
    MavenProjectHelper helper) {

  /** A file as the user knows it: relative to the project folder when inside it. */
  String shown(File file) {
    File base = project != null ? project.getBasedir() : null;
    if (base != null) {
      Path relative = base.toPath().toAbsolutePath().normalize();
      Path target = file.toPath().toAbsolutePath().normalize();
      if (target.startsWith(relative)) {
        String shown = relative.relativize(target).toString().replace('\\', '/');
        return shown.isEmpty() ? "." : shown;
      }
    }
    return file.getPath();
  }

  /** Writes a step's JSON report under the output folder. */
  File writeReport(String name, String json) throws MojoExecutionException {
    return MojoOutcomes.writeReport(outputDirectory, name, json);
  }

  /** The one summary line a step ends with. */
  void summary(String line) {
    log.info("capsem: " + line);
  }

  /** Fails with E016 when a configured input file does not exist. */
  void requireFile(File file, String what, String parameter) throws MojoFailureException {
    if (!file.isFile()) {
      throw new MojoFailureException(
          "E016 "
              + shown(file)
              + ": Missing required file: the "
              + what
              + " does not exist (set <"
              + parameter
              + "> or -Dcapsem."
              + parameter
              + ")");
    }
  }

  /** Writes the report, logs every finding, fails on errors, else logs a one-line summary. */
  void conclude(String reportName, String subject, Validation result)
      throws MojoExecutionException, MojoFailureException {
    File report = writeReport(reportName, result.reportJson());
    MojoOutcomes.check(log, subject + " is invalid", result.diagnostics(), failOnWarning);
    int warnings = result.diagnostics().size();
    summary(
        subject
            + " is valid ("
            + warnings
            + (warnings == 1 ? " warning" : " warnings")
            + "); report "
            + shown(report));
  }

  /** Whether the project's version is a release (not a {@code -SNAPSHOT}). */
  boolean release() {
    return project != null
        && project.getVersion() != null
        && !project.getVersion().endsWith("-SNAPSHOT");
  }
}

package dev.capsem.maven;

import dev.capsem.core.api.Capsem;
import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** What every goal shares: the skip switch, the report folder and the ports. */
abstract class AbstractCapsemMojo extends AbstractMojo {

  /**
   * Skips every Capsem goal.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.skip", defaultValue = "false")
  boolean skip;

  /**
   * Where goals write their JSON reports.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "capsem.outputDirectory",
      defaultValue = "${project.build.directory}/capsem")
  File outputDirectory;

  /**
   * Fails the build on warnings too.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.failOnWarning", defaultValue = "false")
  boolean failOnWarning;

  /**
   * The reproducible-build timestamp, the clock of dated outputs when {@code SOURCE_DATE_EPOCH} is
   * not set.
   *
   * @since 0.1.0
   */
  @Parameter(defaultValue = "${project.build.outputTimestamp}", readonly = true)
  String outputTimestamp;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("capsem: skipped (capsem.skip)");
      return;
    }
    Capsem capsem;
    try {
      capsem = Capsem.with(MavenPorts.create(outputTimestamp));
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException(e.getMessage(), e);
    }
    run(capsem);
  }

  abstract void run(Capsem capsem) throws MojoExecutionException, MojoFailureException;

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
  void conclude(String reportName, String subject, dev.capsem.core.api.Validation result)
      throws MojoExecutionException, MojoFailureException {
    File report = MojoOutcomes.writeReport(outputDirectory, reportName, result.reportJson());
    MojoOutcomes.check(getLog(), subject + " is invalid", result.diagnostics(), failOnWarning);
    int warnings = result.diagnostics().size();
    getLog()
        .info(
            "capsem: "
                + subject
                + " is valid ("
                + warnings
                + (warnings == 1 ? " warning" : " warnings")
                + "); report "
                + shown(report));
  }

  /** A file as the user knows it: relative to the project folder when inside it. */
  String shown(File file) {
    File base = project != null ? project.getBasedir() : null;
    if (base != null) {
      java.nio.file.Path relative = base.toPath().toAbsolutePath().normalize();
      java.nio.file.Path target = file.toPath().toAbsolutePath().normalize();
      if (target.startsWith(relative)) {
        return relative.relativize(target).toString().replace('\\', '/');
      }
    }
    return file.getPath();
  }
}

package dev.capsem.maven;

import dev.capsem.adapters.ProgressLog;
import dev.capsem.adapters.StandardPorts;
import dev.capsem.core.api.Capsem;
import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.Report;
import dev.capsem.signing.Blake3;
import java.io.File;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every goal shares: the skip switch, the report folder, the warning policy, the ports, and
 * the words of a Maven build (paths relative to the project, outcomes through {@link
 * MojoOutcomes}).
 */
abstract class AbstractCapsemMojo extends AbstractMojo {

  static final List<String> ARCHES = List.of("all", "arm64", "x86_64");

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
      Map<String, String> environment = System.getenv();
      capsem =
          Capsem.with(
              ports(
                      StandardPorts.builder(environment)
                          .clock(StandardPorts.clock(environment, outputTimestamp))
                          .hasher(MemoHasher.of(project, Blake3.hasher())))
                  .build());
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException(e.getMessage(), e);
    }
    run(capsem);
  }

  /** The goal's adapters; a goal that builds names its docker command here. */
  StandardPorts ports(StandardPorts standard) {
    return standard;
  }

  abstract void run(Capsem capsem) throws MojoExecutionException, MojoFailureException;

  ProjectPaths paths() {
    return new ProjectPaths(project != null ? project.getBasedir() : null);
  }

  String shown(File file) {
    return paths().shown(file);
  }

  GivenPath given(File file) {
    return paths().given(file);
  }

  GivenPath required(File file, String what, String parameter) throws MojoFailureException {
    return paths().required(file, what, parameter);
  }

  GivenPath requiredDirectory(File dir, String what, String parameter) throws MojoFailureException {
    return paths().requiredDirectory(dir, what, parameter);
  }

  GivenPath ifPresent(File file) {
    return paths().ifPresent(file);
  }

  /** Progress in the log: {@code capsem: ==> step}, heartbeats, warnings at WARN. */
  ProgressLog progress(boolean verbose) {
    return new ProgressLog(new LogLines(getLog()), verbose);
  }

  /** Writes the report, logs the outcome, and fails the build when it failed. */
  <T extends Report> T conclude(Outcome<T> outcome, String reportName)
      throws MojoExecutionException, MojoFailureException {
    return new MojoOutcomes(getLog(), outputDirectory, failOnWarning, this::shown)
        .conclude(outcome, reportName);
  }

  /** Whether the project's version is a release (not a {@code -SNAPSHOT}). */
  boolean isRelease() {
    return project.getVersion() != null && !project.getVersion().endsWith("-SNAPSHOT");
  }
}

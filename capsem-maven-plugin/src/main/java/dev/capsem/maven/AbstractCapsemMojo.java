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
      capsem =
          Capsem.with(
              MavenPorts.create(
                  outputTimestamp, MemoHasher.of(project, dev.capsem.signing.Blake3.hasher())));
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException(e.getMessage(), e);
    }
    run(capsem);
  }

  abstract void run(Capsem capsem) throws MojoExecutionException, MojoFailureException;

  /** The steps' view of this goal: its use cases, log, report folder and project. */
  StepContext context(Capsem capsem) {
    return new StepContext(capsem, getLog(), outputDirectory, failOnWarning, project, null);
  }

  /** The same, for a goal that attaches artifacts. */
  StepContext context(Capsem capsem, org.apache.maven.project.MavenProjectHelper helper) {
    return new StepContext(capsem, getLog(), outputDirectory, failOnWarning, project, helper);
  }

  /** Fails with E016 when a configured input file does not exist. */
  void requireFile(File file, String what, String parameter) throws MojoFailureException {
    context(null).requireFile(file, what, parameter);
  }

  /** A file as the user knows it: relative to the project folder when inside it. */
  String shown(File file) {
    return context(null).shown(file);
  }
}

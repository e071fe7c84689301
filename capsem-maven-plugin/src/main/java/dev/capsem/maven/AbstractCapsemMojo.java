package dev.capsem.maven;

import dev.capsem.adapters.ProgressLog;
import dev.capsem.adapters.StandardPorts;
import dev.capsem.core.api.Capsem;
import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.Report;
import dev.capsem.signing.Blake3;
import java.io.File;
import java.nio.file.Path;
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

  GivenPath given(File file) {
    return file == null ? null : new GivenPath(file.toPath(), shown(file));
  }

  /** An input file that must exist: a missing one is the user's to fix (E016), not a crash. */
  GivenPath required(File file, String what, String parameter) throws MojoFailureException {
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
    return given(file);
  }

  /** A folder that must exist (E016 otherwise). */
  GivenPath requiredDirectory(File dir, String what, String parameter) throws MojoFailureException {
    if (!dir.isDirectory()) {
      throw new MojoFailureException(
          "E016 "
              + shown(dir)
              + ": Missing config directory: the "
              + what
              + " does not exist (set <"
              + parameter
              + "> or -Dcapsem."
              + parameter
              + ")");
    }
    return given(dir);
  }

  /** Fails unless {@code value} is one of {@code allowed}, naming the parameter. */
  static String choice(String value, String parameter, List<String> allowed)
      throws MojoFailureException {
    if (!allowed.contains(value)) {
      throw new MojoFailureException(
          "capsem." + parameter + " must be one of " + String.join(", ", allowed) + ": " + value);
    }
    return value;
  }

  /** An input that is read only when it exists. */
  GivenPath ifPresent(File file) {
    return file != null && file.isFile() ? given(file) : null;
  }

  /** Progress in the log: {@code capsem: ==> step}, heartbeats, warnings at WARN. */
  ProgressLog progress(boolean verbose) {
    return new ProgressLog(
        new ProgressLog.Lines() {
          @Override
          public void info(String line) {
            getLog().info("capsem: " + line);
          }

          @Override
          public void warn(String line) {
            getLog().warn("capsem: " + line);
          }
        },
        verbose);
  }

  /** Writes the report, logs the outcome, and fails the build when it failed. */
  <T extends Report> T conclude(Outcome<T> outcome, String reportName)
      throws MojoExecutionException, MojoFailureException {
    return new MojoOutcomes(getLog(), outputDirectory, failOnWarning, this::shown)
        .conclude(outcome, reportName);
  }
}

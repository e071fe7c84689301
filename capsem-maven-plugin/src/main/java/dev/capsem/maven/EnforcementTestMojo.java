package dev.capsem.maven;

import dev.capsem.core.api.Capsem;
import dev.capsem.core.api.RuleTestOutcome;
import dev.capsem.core.io.AtomicFiles;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Runs a rule-test file ({@code *.enforcement-test.toml}): each case's context against the decision
 * its author expects, with JUnit XML for CI dashboards and a warning for every rule that no case or
 * corpus event matches.
 */
@Mojo(name = "enforcement-test", defaultPhase = LifecyclePhase.TEST, threadSafe = true)
public final class EnforcementTestMojo extends AbstractCapsemMojo {

  /**
   * The rule-test file; the pack and corpora it names are relative to it.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "capsem.enforcementTests",
      defaultValue = "${project.basedir}/security/enforcement.enforcement-test.toml")
  File enforcementTests;

  /**
   * Where the JUnit XML of the cases is written (surefire-report and CI test reporters read it).
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "capsem.enforcementJunit",
      defaultValue = "${project.build.directory}/capsem/junit/TEST-capsem-enforcement.xml")
  File junitReport;

  @Override
  void run(Capsem capsem) throws MojoExecutionException, MojoFailureException {
    requireFile(enforcementTests, "rule-test file", "enforcementTests");
    String shown = shown(enforcementTests);
    RuleTestOutcome result = capsem.enforcement().test(enforcementTests.toPath(), shown);
    if (result.report() == null) {
      MojoOutcomes.check(getLog(), result.refusal(), result.diagnostics(), failOnWarning);
      throw new MojoFailureException(result.refusal());
    }
    MojoOutcomes.writeReport(outputDirectory, "enforcement-test.json", result.reportJson());
    try {
      Files.createDirectories(junitReport.getAbsoluteFile().getParentFile().toPath());
      AtomicFiles.writeString(junitReport.toPath(), result.junitXml());
    } catch (IOException e) {
      throw new MojoExecutionException("cannot write " + junitReport + ": " + e.getMessage(), e);
    }
    result.lines().forEach(line -> getLog().info("capsem: " + line));
    MojoOutcomes.check(
        getLog(), "enforcement tests " + shown + " failed", result.diagnostics(), failOnWarning);
    getLog().info("capsem: JUnit report " + shown(junitReport));
  }
}

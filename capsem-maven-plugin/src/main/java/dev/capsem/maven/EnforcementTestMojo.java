package dev.capsem.maven;

import dev.capsem.core.api.Capsem;
import java.io.File;
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
    conclude(
        capsem
            .enforcement()
            .test(
                required(enforcementTests, "rule-test file", "enforcementTests"),
                given(junitReport)),
        "enforcement-test.json");
  }
}

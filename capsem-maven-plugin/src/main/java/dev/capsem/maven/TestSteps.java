package dev.capsem.maven;

import dev.capsem.core.api.PackReport;
import dev.capsem.core.api.RuleTestOutcome;
import dev.capsem.core.internal.io.AtomicFiles;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/** The test phase's steps: rule tests, the enforcement backtest, the detection check. */
final class TestSteps {

  private TestSteps() {}

  /** {@code enforcement-test}: each case against its expected decision, with JUnit XML. */
  static void enforcementTests(StepContext step, File tests, File junitReport)
      throws MojoExecutionException, MojoFailureException {
    step.requireFile(tests, "rule-test file", "enforcementTests");
    String shown = step.shown(tests);
    RuleTestOutcome result = step.capsem().enforcement().test(tests.toPath(), shown);
    if (result.report() == null) {
      MojoOutcomes.check(step.log(), result.refusal(), result.diagnostics(), step.failOnWarning());
      throw new MojoFailureException(result.refusal());
    }
    File report = step.writeReport("enforcement-test.json", result.reportJson());
    try {
      Files.createDirectories(junitReport.getAbsoluteFile().getParentFile().toPath());
      AtomicFiles.writeString(junitReport.toPath(), result.junitXml());
    } catch (IOException e) {
      throw new MojoExecutionException("cannot write " + junitReport + ": " + e.getMessage(), e);
    }
    result.lines().forEach(line -> step.log().info("capsem: " + line));
    MojoOutcomes.check(
        step.log(),
        "enforcement tests " + shown + " failed",
        result.diagnostics(),
        step.failOnWarning());
    step.summary(
        "enforcement tests "
            + shown
            + " passed; JUnit report "
            + step.shown(junitReport)
            + ", report "
            + step.shown(report));
  }

  /** {@code enforcement-backtest}: the corpus through the rules, against the expected report. */
  static void enforcementBacktest(StepContext step, File pack, File events, File expected)
      throws MojoExecutionException, MojoFailureException {
    step.requireFile(pack, "enforcement file", "enforcementPack");
    step.requireFile(events, "events corpus", "events");
    PackReport result =
        step.capsem()
            .enforcement()
            .backtest(pack.toPath(), step.shown(pack), events.toPath(), step.shown(events));
    PackChecks.conclude(
        step,
        "enforcement-backtest.json",
        "enforcement backtest of " + step.shown(pack),
        result,
        expected);
  }

  /** {@code detection-check}: the corpus through the detection rules, against the expected. */
  static void detectionCheck(StepContext step, File pack, File events, File expected)
      throws MojoExecutionException, MojoFailureException {
    step.requireFile(pack, "detection pack", "detectionPack");
    step.requireFile(events, "events corpus", "events");
    PackReport result =
        step.capsem()
            .detection()
            .check(pack.toPath(), step.shown(pack), events.toPath(), step.shown(events));
    PackChecks.conclude(
        step, "detection-check.json", "detection check of " + step.shown(pack), result, expected);
  }
}

package dev.capsem.maven;

import dev.capsem.core.api.PackReport;
import dev.capsem.core.api.PackValidation;
import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/** The validate phase's steps: the profile, the enforcement rules, the detection rules. */
final class ValidateSteps {

  private ValidateSteps() {}

  /** {@code profile-validate}: every problem of the Profile V2 file at file:line:column. */
  static void profile(StepContext step, File profile)
      throws MojoExecutionException, MojoFailureException {
    step.requireFile(profile, "profile", "profile");
    step.conclude(
        "profile-validate.json",
        "profile " + step.shown(profile),
        step.capsem().profiles().validate(profile.toPath(), step.shown(profile)));
  }

  /** {@code enforcement-validate}: structure and every CEL condition, type-checked. */
  static void enforcement(StepContext step, File pack)
      throws MojoExecutionException, MojoFailureException {
    step.requireFile(pack, "enforcement file", "enforcementPack");
    PackValidation result = step.capsem().enforcement().validate(pack.toPath(), step.shown(pack));
    step.conclude(
        "enforcement-validate.json", "enforcement file " + step.shown(pack), result.validation());
  }

  /** {@code detection-compile}: Sigma to Detection IR, refusing what the IR cannot express. */
  static void detection(StepContext step, File pack, File ir)
      throws MojoExecutionException, MojoFailureException {
    step.requireFile(pack, "detection pack", "detectionPack");
    File parent = ir.getAbsoluteFile().getParentFile();
    if (parent != null && !parent.isDirectory() && !parent.mkdirs()) {
      throw new MojoExecutionException("cannot create " + parent);
    }
    PackReport result =
        step.capsem()
            .detection()
            .compile(pack.toPath(), step.shown(pack), ir.toPath(), step.shown(ir));
    File report = step.writeReport("detection-compile.json", result.reportJson());
    MojoOutcomes.check(
        step.log(),
        "detection pack " + step.shown(pack) + " does not compile",
        result.diagnostics(),
        step.failOnWarning());
    step.summary(
        "compiled "
            + result.count("rule_count")
            + " detection rule(s) to "
            + step.shown(ir)
            + "; report "
            + step.shown(report));
  }
}

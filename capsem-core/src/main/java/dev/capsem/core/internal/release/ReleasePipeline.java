package dev.capsem.core.internal.release;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.Outcome;
import dev.capsem.core.internal.profile.ProfileCheck;
import dev.capsem.core.internal.profile.ProfileReader;
import dev.capsem.core.internal.report.PythonPath;
import dev.capsem.core.ports.BuildProgress;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The release, profile in, signed and verified release out: the profile read once, then each step
 * of the requested stages in order, every step's report under the layout's report folder and the
 * release's own in {@code release.json} ({@code release-<stage>.json} for one stage). A later
 * capability is one more step in {@link #STEPS}.
 */
public final class ReleasePipeline {

  /** The steps, in the order they run. */
  static final List<ReleaseStep> STEPS =
      List.of(
          new ValidateProfileStep(),
          new ValidateEnforcementStep(),
          new CompileDetectionStep(),
          new EnforcementTestStep(),
          new BacktestStep(),
          new DetectionCheckStep(),
          new PublishableStep(),
          new ImageStep(),
          new BootTestStep(),
          new SbomStep(),
          new ReleaseProfileStep(),
          new CatalogStep(),
          new SignStep(),
          new ProvenanceStep(),
          new BundleStep(),
          new VerifyImageStep(),
          new CatalogCheckStep(),
          new ProvenanceCheckStep(),
          new PushStep());

  private final ReleaseTools tools;

  public ReleasePipeline(ReleaseTools tools) {
    this.tools = tools;
  }

  public Outcome<ReleaseReport> run(ReleaseConfig config, BuildProgress progress) {
    // A release repeats the profile's values (image, SBOM, release profile): a secret is E573.
    ProfileCheck check = ProfileReader.readForOutputs(tools.files(), config.profile());
    ReleaseRun run = new ReleaseRun(config, tools, progress, check);
    List<Stage> stages = List.copyOf(config.stages());
    try {
      if (check.profile() == null && !config.stages().contains(Stage.VALIDATE)) {
        run.stop(
            "invalid profile " + PythonPath.normalize(config.profile().shown()),
            check.diagnostics());
      }
      for (ReleaseStep step : STEPS) {
        if (config.stages().contains(step.stage())) {
          step.run(run);
        }
      }
      ReleaseReport release = release(run, stages, null, List.of());
      return Outcome.of(written(run, release), distinct(run.diagnostics));
    } catch (ReleaseStop stop) {
      ReleaseReport release = release(run, stages, stop.getMessage(), stop.failures());
      return Outcome.checked(
          written(run, release), false, distinct(stop.diagnostics()), stop.getMessage());
    } finally {
      run.key.close();
    }
  }

  private static ReleaseReport release(
      ReleaseRun run, List<Stage> stages, String failure, List<String> failures) {
    return new ReleaseReport(
        run.profile() == null ? null : run.profile().id(),
        run.profile() == null ? null : run.profile().revision(),
        stages,
        run.results,
        run.files,
        reused(run),
        run.signed,
        run.bootTest,
        failure,
        failures);
  }

  private static List<String> reused(ReleaseRun run) {
    if (run.build == null) {
      return List.of();
    }
    return run.build.steps().stream()
        .filter(step -> step.reused())
        .map(step -> step.arch() + "/" + step.step())
        .toList();
  }

  /**
   * Writes the release's report (a release that cannot even write it says so and goes on): {@code
   * release.json} for the whole release, {@code release-<stage>.json} for one stage, so that
   * Maven's lifecycle, which runs one stage per goal, keeps each stage's record (the package
   * stage's boot test and signatures) instead of the last stage's alone.
   */
  private ReleaseReport written(ReleaseRun run, ReleaseReport release) {
    String name = reportName(run.config.stages());
    try {
      tools.files().writeText(run.layout().report(name).path(), release.json());
    } catch (IOException e) {
      run.progress.warning("cannot write " + name + ": " + e.getMessage());
    }
    return release;
  }

  /** {@code release.json}, or {@code release-package.json}, {@code release-test-package.json}. */
  static String reportName(Set<Stage> stages) {
    if (stages.containsAll(EnumSet.allOf(Stage.class))) {
      return "release.json";
    }
    StringBuilder name = new StringBuilder("release");
    for (Stage stage : Stage.values()) {
      if (stages.contains(stage)) {
        name.append('-').append(stage.name().toLowerCase(Locale.ROOT));
      }
    }
    return name.append(".json").toString();
  }

  /** Each finding once: a step's outcome and the release's list can name the same one. */
  private static List<Diagnostic> distinct(List<Diagnostic> diagnostics) {
    List<Diagnostic> out = new ArrayList<>();
    for (Diagnostic d : diagnostics) {
      if (!out.contains(d)) {
        out.add(d);
      }
    }
    return out;
  }
}

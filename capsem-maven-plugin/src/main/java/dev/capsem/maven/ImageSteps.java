package dev.capsem.maven;

import dev.capsem.core.api.ImageBuildRequest;
import dev.capsem.core.api.ImageOutcome;
import dev.capsem.core.api.ImageSbomRequest;
import dev.capsem.core.api.ImageSboms;
import dev.capsem.core.api.ImageVerification;
import dev.capsem.core.api.ImageVerifyRequest;
import dev.capsem.core.api.ReleaseProfileRequest;
import dev.capsem.core.api.ReproducibilityRequest;
import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.DiagnosticText;
import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.internal.image.version.VersionMatching;
import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.BooleanNode;
import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/** The image steps: build, reproducibility, SBOMs, the release profile, verification. */
final class ImageSteps {

  /** Failures of the machine rather than of the project's inputs. */
  private static final Set<Code> ENVIRONMENT = Set.of(Code.E306, Code.E307, Code.E309);

  private ImageSteps() {}

  /**
   * {@code image-build}: the assets through the container runtime (or only their commands, in a dry
   * run), with progress in the log and {@code image-build.json}.
   */
  static ImageOutcome build(StepContext step, ImageBuildRequest request)
      throws MojoExecutionException, MojoFailureException {
    ImageOutcome outcome;
    try {
      outcome = step.capsem().images().build(request, new LogProgress(step.log()));
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException("image build: " + e.getMessage(), e);
    }
    if (!outcome.ok()) {
      fail(step, outcome);
    }
    File report = step.writeReport("image-build.json", outcome.reportJson());
    MojoOutcomes.check(step.log(), "image build", outcome.diagnostics(), step.failOnWarning());
    List<String> lines = outcome.humanLines();
    for (int i = 0; i < lines.size() - 1; i++) {
      step.log().info("capsem: " + lines.get(i));
    }
    step.summary(lines.get(lines.size() - 1) + "; report " + step.shown(report));
    return outcome;
  }

  /** A failed image use case: environment breakage or bad input, every error on its own line. */
  private static void fail(StepContext step, ImageOutcome outcome)
      throws MojoExecutionException, MojoFailureException {
    List<Diagnostic> errors = outcome.diagnostics().stream().filter(Diagnostic::isError).toList();
    if (errors.stream().anyMatch(d -> ENVIRONMENT.contains(d.code()))) {
      StringBuilder message = new StringBuilder(outcome.error());
      for (Diagnostic d : outcome.diagnostics()) {
        if (d.isError()) {
          step.log().error(DiagnosticText.compact(d));
          message.append('\n').append(DiagnosticText.compact(d));
        } else {
          step.log().warn(DiagnosticText.compact(d));
        }
      }
      throw new MojoExecutionException(message.toString());
    }
    MojoOutcomes.check(step.log(), outcome.error(), outcome.diagnostics(), step.failOnWarning());
    throw new MojoFailureException(outcome.error());
  }

  /**
   * {@code verify-reproducible}: a clean rebuild without any cache, compared with the previous
   * build; fails listing every differing file.
   */
  static void verifyReproducible(StepContext step, ReproducibilityRequest request)
      throws MojoExecutionException, MojoFailureException {
    ImageOutcome outcome =
        step.capsem().images().verifyReproducible(request, new LogProgress(step.log()));
    if (outcome.report() == null) {
      fail(step, outcome);
    }
    File report = step.writeReport("verify-reproducible.json", outcome.reportJson());
    List<String> lines = outcome.humanLines();
    if (!outcome.ok()) {
      lines.forEach(step.log()::error);
      throw new MojoFailureException(
          "not reproducible: "
              + outcome.error()
              + "; report "
              + step.shown(report)
              + "\n"
              + String.join("\n", lines.subList(1, lines.size())));
    }
    lines.subList(1, lines.size()).forEach(line -> step.log().info("capsem:   " + line));
    step.summary(lines.get(0) + "; report " + step.shown(report));
  }

  /**
   * {@code image-sbom}: one SPDX 2.3 document per architecture, attached with classifier {@code
   * <arch>-sbom} when {@code attach}.
   */
  static void sbom(
      StepContext step,
      File profile,
      File assetsDirectory,
      String arch,
      File inventory,
      File sbomDirectory,
      boolean attach)
      throws MojoExecutionException, MojoFailureException {
    step.requireFile(profile, "profile", "profile");
    ImageInputs.requireDirectory(assetsDirectory, step.shown(assetsDirectory), "assetsDirectory");
    ImageInputs.requireChoice(arch, "arch", ImageInputs.ARCHES);
    ImageSboms result =
        step.capsem()
            .imageVerification()
            .sbom(
                new ImageSbomRequest(
                    given(step, profile),
                    given(step, assetsDirectory),
                    arch,
                    inventory == null ? null : given(step, inventory),
                    given(step, sbomDirectory)));
    if (!result.ok()) {
      throw ImageInputs.refused(step.log(), result.error(), result.diagnostics());
    }
    List<Node> documents = new ArrayList<>();
    for (ImageSboms.Document document : result.documents()) {
      String classifier = document.arch() + "-sbom";
      if (attach) {
        Attachments.attach(step, document.file().toFile(), "spdx.json", classifier);
      }
      ObjectNode.Builder row =
          ObjectNode.builder().put("arch", document.arch()).put("path", document.shownAs());
      if (attach) {
        row.put("classifier", classifier);
      }
      documents.add(row.build());
      step.log()
          .info(
              "capsem: wrote "
                  + document.shownAs()
                  + (attach ? ", attached as " + classifier : ""));
    }
    File report =
        step.writeReport(
            "image-sbom.json",
            JsonPrinter.pretty()
                .printLine(
                    ObjectNode.builder()
                        .put("schema", "capsem.image-sbom.v1")
                        .put("ok", BooleanNode.of(true))
                        .put("documents", ArrayNode.of(documents))
                        .build()));
    step.summary(
        result.documents().size()
            + " SPDX 2.3 SBOM(s) in "
            + step.shown(sbomDirectory)
            + "; report "
            + step.shown(report));
  }

  /**
   * {@code image-verify}: assets (present, size, BLAKE3), inventories and doctor bundles against
   * the profile; fails listing every failed check.
   */
  static void verify(
      StepContext step,
      File profile,
      File assetsDirectory,
      String arch,
      File inventory,
      List<File> doctorBundles,
      String versionMatch)
      throws MojoExecutionException, MojoFailureException {
    step.requireFile(profile, "profile", "profile");
    ImageInputs.requireDirectory(assetsDirectory, step.shown(assetsDirectory), "assetsDirectory");
    ImageInputs.requireChoice(arch, "arch", ImageInputs.ARCHES);
    ImageInputs.requireChoice(versionMatch, "versionMatch", List.of("exact", "ranges"));
    List<GivenPath> bundles = new ArrayList<>();
    for (File bundle : doctorBundles) {
      step.requireFile(bundle, "doctor bundle", "doctorBundles");
      bundles.add(given(step, bundle));
    }
    ImageVerification result =
        step.capsem()
            .imageVerification()
            .verify(
                new ImageVerifyRequest(
                    given(step, profile),
                    given(step, assetsDirectory),
                    arch,
                    inventory == null ? null : given(step, inventory),
                    bundles,
                    VersionMatching.valueOf(versionMatch.toUpperCase(Locale.ROOT))));
    if (result.report() == null) {
      throw ImageInputs.refused(step.log(), result.error(), result.diagnostics());
    }
    File report = step.writeReport("image-verify.json", result.reportJson());
    result.report().summaryLines().forEach(line -> step.log().info("capsem: " + line));
    List<String> failures = result.report().failureLines();
    failures.forEach(step.log()::error);
    if (!result.ok()) {
      throw new MojoFailureException(
          "image verification failed: "
              + failures.size()
              + (failures.size() == 1 ? " problem" : " problems")
              + "; report "
              + step.shown(report)
              + "\n"
              + String.join("\n", failures));
    }
    step.summary(
        "image verified against " + step.shown(profile) + "; report " + step.shown(report));
  }

  /**
   * {@code release-profile}: the profile the release publishes, its {@code vm.assets} describing
   * the built assets; returns the file written.
   */
  static File releaseProfile(
      StepContext step,
      File profile,
      File assetsDirectory,
      String arch,
      String assetBaseUrl,
      File releaseProfile)
      throws MojoExecutionException, MojoFailureException {
    step.requireFile(profile, "profile", "profile");
    ImageInputs.requireChoice(arch, "arch", ImageInputs.ARCHES);
    ImageOutcome outcome =
        step.capsem()
            .images()
            .releaseProfile(
                new ReleaseProfileRequest(
                    given(step, profile),
                    given(step, assetsDirectory),
                    arch,
                    assetBaseUrl == null || assetBaseUrl.isBlank() ? null : assetBaseUrl,
                    given(step, releaseProfile)));
    if (!outcome.ok()) {
      fail(step, outcome);
    }
    File report = step.writeReport("release-profile.json", outcome.reportJson());
    step.log().info("capsem: " + outcome.humanLines().get(1));
    step.summary(outcome.humanLines().get(0) + "; report " + step.shown(report));
    return releaseProfile;
  }

  static GivenPath given(StepContext step, File file) {
    return new GivenPath(file.toPath(), step.shown(file));
  }
}

package dev.capsem.maven;

import dev.capsem.core.api.Capsem;
import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.profile.Profile;
import dev.capsem.core.internal.profile.ProfileReader;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * The release pipeline of a profile project, stage by stage. {@code validate}: the profile, the
 * enforcement rules, the detection rules. {@code test}: rule tests, the enforcement backtest, the
 * detection check. {@code package}: the image (incremental), SBOMs, the release profile, the
 * catalog, the signatures, and the artifacts {@code deploy} publishes. {@code verify}: the image
 * against the release profile, and the catalog as a client will check it. The goals {@code
 * pipeline-<stage>} run one stage each (the {@code capsem-image} packaging binds them), {@code
 * build} runs them all; every stage calls the same steps as the single goals.
 *
 * <p>Security inputs are optional here: a stage skips (and says so) what the project does not have.
 */
abstract class AbstractPipelineMojo extends AbstractImageBuildMojo {

  /** The packaging whose lifecycle runs this pipeline. */
  static final String PACKAGING = "capsem-image";

  /**
   * The enforcement rules, validated, backtested and tested when the file exists.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "capsem.enforcementPack",
      defaultValue = "${project.basedir}/security/enforcement.toml")
  File enforcementPack;

  /**
   * The rule-test file run when it exists.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "capsem.enforcementTests",
      defaultValue = "${project.basedir}/security/enforcement.enforcement-test.toml")
  File enforcementTests;

  /**
   * Where the rule tests' JUnit XML is written.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "capsem.enforcementJunit",
      defaultValue = "${project.build.directory}/capsem/junit/TEST-capsem-enforcement.xml")
  File junitReport;

  /**
   * The corpus of recorded events the backtest and the detection check replay, when it exists.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.events", defaultValue = "${project.basedir}/security/events.jsonl")
  File events;

  /**
   * The report the enforcement backtest must give, compared when the file exists.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "capsem.enforcementExpected",
      defaultValue = "${project.basedir}/security/enforcement-backtest.expected.json")
  File enforcementExpected;

  /**
   * The detection pack, compiled and checked when the file exists.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "capsem.detectionPack",
      defaultValue = "${project.basedir}/security/detections.yml")
  File detectionPack;

  /**
   * Where the compiled Detection IR is written.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "capsem.detectionIr",
      defaultValue = "${project.build.directory}/capsem/detection.ir.json")
  File detectionIr;

  /**
   * The report the detection check must give, compared when the file exists.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "capsem.detectionExpected",
      defaultValue = "${project.basedir}/security/detection-check.expected.json")
  File detectionExpected;

  /**
   * Where {@code <arch>/guest-sbom.spdx.json} are written.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "capsem.sbomDirectory",
      defaultValue = "${project.build.directory}/capsem/sbom")
  File sbomDirectory;

  /**
   * Where the release is staged: {@code profiles/<id>-<revision>.json} (the release profile),
   * {@code manifest.json} (the profile catalog), their signatures and {@code minisign.pub}.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "capsem.releaseDirectory",
      defaultValue = "${project.build.directory}/capsem/release")
  File releaseDirectory;

  /**
   * Where the assets folder is published: the release profile's asset URLs are {@code
   * <assetBaseUrl>/<arch>/vmlinuz|initrd.img|rootfs.squashfs}. Empty: the folder's {@code file://}
   * URL (a local release; a non-SNAPSHOT version must set it).
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.assetBaseUrl", defaultValue = "")
  String assetBaseUrl;

  /**
   * Where the release profiles are published: the catalog's profile URLs are {@code
   * <catalogBaseUrl>/<id>-<revision>.json}. Empty: {@code file://} URLs (a local release; a
   * non-SNAPSHOT version must set it).
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.catalogBaseUrl", defaultValue = "")
  String catalogBaseUrl;

  /**
   * Attaches the release to the project (assets, inventories, SBOMs, asset manifest, {@code
   * B3SUMS}, release profile, catalog and every signature, with classifiers), so that {@code mvn
   * deploy} publishes it.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.attach", defaultValue = "true")
  boolean attach;

  /**
   * {@code exact} or {@code ranges}: how image verify compares inventory versions.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.versionMatch", defaultValue = "exact")
  String versionMatch;

  /**
   * {@code capsem-doctor --bundle} tars from booted images, checked by image verify.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.doctorBundles")
  List<File> doctorBundles = new ArrayList<>();

  /**
   * The id of the {@code settings.xml} server holding the signing key ({@code <privateKey>}) and
   * its password ({@code <passphrase>}). Without it a SNAPSHOT is left unsigned with a warning and
   * a release fails.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.signing.serverId", defaultValue = "capsem-signing")
  String serverId;

  /**
   * Where the verify stage keeps what it fetched (from the staged release) and verified.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "capsem.downloadDirectory",
      defaultValue = "${project.build.directory}/capsem/downloads")
  File downloadDirectory;

  @Parameter(defaultValue = "${settings}", readonly = true, required = true)
  Settings mavenSettings;

  @Component SettingsDecrypter settingsDecrypter;

  @Component MavenProjectHelper projectHelper;

  StepContext step(Capsem capsem) {
    return context(capsem, projectHelper);
  }

  // The stages.

  void validateStage(StepContext step) throws MojoExecutionException, MojoFailureException {
    ValidateSteps.profile(step, profile);
    if (present(step, enforcementPack, "enforcement validation")) {
      ValidateSteps.enforcement(step, enforcementPack);
    }
    if (present(step, detectionPack, "detection compilation")) {
      ValidateSteps.detection(step, detectionPack, detectionIr);
    }
  }

  void testStage(StepContext step) throws MojoExecutionException, MojoFailureException {
    if (present(step, enforcementTests, "enforcement tests")) {
      TestSteps.enforcementTests(step, enforcementTests, junitReport);
    }
    if (present(step, enforcementPack, "enforcement backtest")
        && present(step, events, "enforcement backtest")) {
      TestSteps.enforcementBacktest(step, enforcementPack, events, enforcementExpected);
    }
    if (present(step, detectionPack, "detection check")
        && present(step, events, "detection check")) {
      TestSteps.detectionCheck(step, detectionPack, events, detectionExpected);
    }
  }

  void packageStage(StepContext step) throws MojoExecutionException, MojoFailureException {
    step.requireFile(profile, "profile", "profile");
    Optional<SigningServer.Key> key = signingKey(step);
    if (!dryRun) {
      // A release that could not be published is refused before any container work.
      requirePublishable(step, key.isPresent());
    }
    StepContext docker =
        new StepContext(
            withDocker(step.capsem(), getLog()),
            step.log(),
            step.outputDirectory(),
            step.failOnWarning(),
            step.project(),
            step.helper());
    ImageSteps.build(docker, buildRequest(step));
    if (dryRun) {
      step.summary("dry run: no assets, so no SBOM, release profile, catalog or signature");
      return;
    }
    ImageSteps.sbom(step, profile, assetsDirectory, arch, null, sbomDirectory, attach);
    File release =
        ImageSteps.releaseProfile(
            step, profile, assetsDirectory, arch, assetBase(), releaseProfile(step));
    File catalog = new File(releaseDirectory, "manifest.json");
    ReleaseSteps.catalog(step, release.getParentFile(), catalogBase(), Map.of(), Map.of(), catalog);
    List<File> signed = releaseFiles(release, catalog);
    if (key.isPresent()) {
      ReleaseSteps.sign(step, key.get(), signed, publicKey());
    } else {
      unsigned(step, signed);
    }
    if (attach) {
      attachRelease(step, release, catalog, key.isPresent());
    }
  }

  void verifyStage(StepContext step) throws MojoExecutionException, MojoFailureException {
    if (dryRun) {
      step.summary("dry run: nothing built, so nothing to verify");
      return;
    }
    File release = releaseProfile(step);
    ImageSteps.verify(step, release, assetsDirectory, arch, null, doctorBundles, versionMatch);
    if (signingKey(step).isEmpty()) {
      step.log()
          .warn(
              "capsem: catalog check skipped: the release is not signed, and a client checks"
                  + " every signature");
      return;
    }
    Map<String, Path> staged = new LinkedHashMap<>();
    if (!assetBase().isEmpty()) {
      staged.put(assetBase(), assetsDirectory.toPath());
    }
    if (!catalogBase().isEmpty()) {
      staged.put(catalogBase(), release.getParentFile().toPath());
    }
    StepContext fetching =
        new StepContext(
            Capsem.with(step.capsem().ports().withHttp(new StagingFetcher(staged))),
            step.log(),
            step.outputDirectory(),
            step.failOnWarning(),
            step.project(),
            step.helper());
    ReleaseSteps.check(
        fetching,
        new File(releaseDirectory, "manifest.json"),
        true,
        downloadDirectory,
        publicKey(),
        null,
        false);
  }

  /** A release refused for its configuration: one coded line in the log and in the failure. */
  static void releaseRefused(StepContext step, Code code, String message)
      throws MojoFailureException {
    File pom = step.project() == null ? null : step.project().getFile();
    String file = pom == null ? "pom.xml" : step.shown(pom);
    MojoOutcomes.check(
        step.log(),
        "release refused",
        List.of(new Diagnostic(code, file, "", null, message)),
        false);
  }

  // Helpers.

  private static boolean present(StepContext step, File file, String what) {
    if (file.isFile()) {
      return true;
    }
    step.summary(what + " skipped: no " + step.shown(file));
    return false;
  }

  /** {@code <releaseDirectory>/profiles/<id>-<revision>.json}, named from the source profile. */
  File releaseProfile(StepContext step) throws MojoFailureException {
    step.requireFile(profile, "profile", "profile");
    var check = ProfileReader.read(profile.toPath(), step.shown(profile));
    Profile read = check.profile();
    if (read == null) {
      MojoOutcomes.check(step.log(), "the profile is invalid", check.diagnostics(), false);
      throw new MojoFailureException("the profile " + step.shown(profile) + " is invalid");
    }
    return new File(
        new File(releaseDirectory, "profiles"), read.id() + "-" + read.revision() + ".json");
  }

  private File publicKey() {
    return new File(releaseDirectory, "minisign.pub");
  }

  private Optional<SigningServer.Key> signingKey(StepContext step)
      throws MojoExecutionException, MojoFailureException {
    return SigningServer.find(mavenSettings, settingsDecrypter, serverId, step.project());
  }

  /** A release names where it is published and has a key; a SNAPSHOT only gets warnings. */
  private void requirePublishable(StepContext step, boolean signable) throws MojoFailureException {
    boolean urls = !assetBase().isEmpty() && !catalogBase().isEmpty();
    if (!step.release()) {
      if (!urls) {
        step.log()
            .warn(
                "capsem: "
                    + (assetBase().isEmpty() ? "assetBaseUrl" : "catalogBaseUrl")
                    + " is not set: the release points at file:// URLs on this machine");
      }
      return;
    }
    String version = step.project().getVersion();
    File pom = step.project().getFile();
    String file = pom == null ? "pom.xml" : step.shown(pom);
    List<Diagnostic> problems = new ArrayList<>();
    if (!urls) {
      problems.add(
          new Diagnostic(
              Code.E419,
              file,
              "",
              null,
              "release "
                  + version
                  + " must say where it is published: set <assetBaseUrl> and <catalogBaseUrl>"
                  + " (capsem.assetBaseUrl, capsem.catalogBaseUrl)"));
    }
    if (!signable) {
      problems.add(
          new Diagnostic(
              Code.E418,
              file,
              "",
              null,
              "release " + version + " must be signed: " + SigningServer.missing(serverId)));
    }
    MojoOutcomes.check(step.log(), "release " + version + " refused", problems, false);
  }

  /** The configured asset base URL, empty when unset. */
  private String assetBase() {
    return assetBaseUrl == null ? "" : assetBaseUrl.strip();
  }

  /** The configured catalog base URL, empty when unset. */
  private String catalogBase() {
    return catalogBaseUrl == null ? "" : catalogBaseUrl.strip();
  }

  /** The built assets of the selected architectures, the asset manifest, profile and catalog. */
  private List<File> releaseFiles(File release, File catalog) {
    List<File> files = new ArrayList<>();
    for (String each : arches()) {
      for (String name : List.of("vmlinuz", "initrd.img", "rootfs.squashfs")) {
        File file = new File(new File(assetsDirectory, each), name);
        if (file.isFile()) {
          files.add(file);
        }
      }
    }
    files.add(new File(assetsDirectory, "manifest.json"));
    files.add(release);
    files.add(catalog);
    return files;
  }

  private List<String> arches() {
    return arch.equals("all") ? List.of("arm64", "x86_64") : List.of(arch);
  }

  /** No key (a SNAPSHOT): unsigned, with no stale signature left over. */
  private void unsigned(StepContext step, List<File> files) throws MojoExecutionException {
    try {
      for (File file : files) {
        Files.deleteIfExists(Path.of(file.getPath() + ".minisig"));
      }
      Files.deleteIfExists(publicKey().toPath());
    } catch (IOException e) {
      throw new MojoExecutionException("cannot remove a stale signature: " + e.getMessage(), e);
    }
    step.log()
        .warn(
            "capsem: not signed (SNAPSHOT): "
                + SigningServer.missing(serverId)
                + "; a release version fails without it");
  }

  private void attachRelease(StepContext step, File release, File catalog, boolean signed)
      throws MojoExecutionException {
    int count = 0;
    boolean main = PACKAGING.equals(step.project().getPackaging());
    if (main) {
      step.project().getArtifact().setFile(release);
      count++;
    } else {
      count += attach(step, release, "json", "profile", false);
    }
    if (signed) {
      count += attach(step, signature(release), "json.minisig", main ? null : "profile", false);
    }
    for (String each : arches()) {
      File dir = new File(assetsDirectory, each);
      count += attach(step, new File(dir, "vmlinuz"), "vmlinuz", each + "-kernel", signed);
      count += attach(step, new File(dir, "initrd.img"), "img", each + "-initrd", signed);
      count += attach(step, new File(dir, "rootfs.squashfs"), "squashfs", each + "-rootfs", signed);
      count +=
          attach(step, new File(dir, "image-inventory.json"), "json", each + "-inventory", false);
    }
    count += attach(step, new File(assetsDirectory, "manifest.json"), "json", "assets", signed);
    count += attach(step, new File(assetsDirectory, "B3SUMS"), "txt", "b3sums", false);
    count += attach(step, catalog, "json", "catalog", signed);
    step.summary(
        count
            + " release files attached (with the SBOMs) for install and deploy"
            + (main ? "; the release profile is the main artifact" : ""));
  }

  /** Attaches a file (and its signature); returns how many were attached. */
  private static int attach(
      StepContext step, File file, String type, String classifier, boolean withSignature)
      throws MojoExecutionException {
    if (!file.isFile()) {
      return 0;
    }
    Attachments.attach(step, file, type, classifier);
    if (withSignature && signature(file).isFile()) {
      Attachments.attach(step, signature(file), type + ".minisig", classifier);
      return 2;
    }
    return 1;
  }

  private static File signature(File file) {
    return new File(file.getPath() + ".minisig");
  }
}

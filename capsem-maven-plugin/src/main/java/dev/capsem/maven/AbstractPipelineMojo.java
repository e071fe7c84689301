package dev.capsem.maven;

import dev.capsem.adapters.ProgressLog;
import dev.capsem.core.api.Capsem;
import dev.capsem.core.api.Release;
import dev.capsem.core.api.ReleaseRequest;
import dev.capsem.core.api.ReleaseStage;
import dev.capsem.core.api.VersionMatch;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
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
   * Publishes to this registry ({@code REGISTRY/REPO:TAG}): the release profile and the catalog
   * name its blob URLs (no base URLs needed; the release must be signed), and {@code release-push}
   * (bound to {@code deploy}) or {@code capsem:build}'s deploy stage pushes the release folder
   * there. Empty: no registry.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.publishTo", defaultValue = "")
  String publishTo;

  /**
   * The id of the {@code settings.xml} server whose {@code <username>} and {@code <password>} log
   * in to the registry of {@code publishTo}. Default: the registry as it is named ({@code
   * host[:port]}); without such a server, Docker's {@code config.json} and credential helpers.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.registry.serverId")
  String registryServerId;

  /**
   * CA certificates (PEM) or a PKCS#12/JKS trust store the registry's certificate is checked
   * against, besides the JDK's.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.registry.trust")
  File registryTrust;

  /**
   * Allows plain HTTP and unverified TLS to a registry that is not on loopback.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.registry.insecure", defaultValue = "false")
  boolean registryInsecure;

  /**
   * Who builds, as the release's SLSA provenance names it ({@code runDetails.builder.id}): a CI
   * runner's URI. The default is the command line's too, so that both make the same release.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.builderId", defaultValue = "urn:capsem:builder:capsem-java")
  String builderId;

  /**
   * This run's id in the provenance, e.g. a CI run URL. Empty: derived from the inputs.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.invocationId")
  String invocationId;

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
   * Sign the image without booting it first. By default the package stage boots every built
   * architecture in QEMU and checks it from inside before anything is signed; skipping is warned
   * (W500) and recorded in the package stage's report ({@code release-package.json}; {@code
   * release.json} under {@code capsem:build}).
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.skipBootTest", defaultValue = "false")
  boolean skipBootTest;

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

  /**
   * Runs the release's {@code stages} with this project's parameters; when the package stage ran,
   * attaches what the release publishes so that {@code install} and {@code deploy} publish it.
   */
  void release(Capsem capsem, Set<ReleaseStage> stages)
      throws MojoExecutionException, MojoFailureException {
    Optional<SigningServer.Key> key =
        SigningServer.find(mavenSettings, settingsDecrypter, serverId, project);
    String registry = RegistryServer.named(publishTo);
    ReleaseRequest request =
        ReleaseRequest.builder(required(profile, "profile", "profile"), given(outputDirectory))
            .image(imageOptions())
            .sbomDir(given(sbomDirectory))
            .releaseDir(given(releaseDirectory))
            .downloadsDir(given(downloadDirectory))
            .junit(given(junitReport))
            .detectionIr(given(detectionIr))
            .security(
                new ReleaseRequest.Security(
                    given(enforcementPack),
                    given(enforcementTests),
                    given(events),
                    given(enforcementExpected),
                    given(detectionPack),
                    given(detectionExpected)))
            .publication(
                new ReleaseRequest.Publication(
                    assetBaseUrl,
                    catalogBaseUrl,
                    isRelease(),
                    project.getVersion(),
                    project.getFile() == null ? "pom.xml" : shown(project.getFile()),
                    "set <assetBaseUrl> and <catalogBaseUrl> (capsem.assetBaseUrl,"
                        + " capsem.catalogBaseUrl), or <publishTo>",
                    registry))
            .provenance(new ReleaseRequest.Provenance(builderId, invocationId))
            .signing(SigningServer.signing(key, serverId, this::given))
            .stages(stages)
            .versionMatch(VersionMatch.valueOf(versionMatch.toUpperCase(Locale.ROOT)))
            .doctorBundles(doctorBundles.stream().map(this::given).toList())
            .skipBootTest(skipBootTest)
            .build();
    Capsem releasing =
        new RegistryServer(registryServerId, registryTrust, registryInsecure)
            .applyIfNamed(capsem, registry, mavenSettings, settingsDecrypter, getLog());
    Release release;
    try (ProgressLog progress = progress(false)) {
      release = conclude(releasing.releases().release(request, progress), null);
    }
    if (attach && stages.contains(ReleaseStage.PACKAGE) && !release.files().isEmpty()) {
      int count = new Attachments(project, projectHelper).attachAll(release.files(), PACKAGING);
      getLog()
          .info(
              "capsem: "
                  + count
                  + " release files attached for install and deploy"
                  + (PACKAGING.equals(project.getPackaging())
                      ? "; the release profile is the main artifact"
                      : ""));
    }
  }
}

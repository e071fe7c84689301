package dev.capsem.core.api;

import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.ports.PasswordSource;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A release to make: the profile, the output folder, how to build, the rule files, where it is
 * published and with which key. Both faces fill it through {@link #builder}.
 *
 * @param out the folder everything goes below ({@code target/capsem} in Maven)
 * @param sbomDir where {@code <arch>/guest-sbom.spdx.json} go, or null for {@code <out>/sbom}
 * @param releaseDir the release profile, catalog and public key, or null for {@code <out>/release}
 * @param downloadsDir what the verify stage downloads, or null for {@code <out>/downloads}
 * @param junit the rule tests' JUnit XML, or null for {@code <out>/junit/...}
 * @param detectionIr the compiled detection IR, or null for {@code <out>/detection.ir.json}
 * @param publishDir the release folder (every published file under its artifact name), or null for
 *     {@code <out>/publish}
 * @param stages the stages to run, all by default
 * @param provenance who builds, as the provenance states it
 * @param skipBootTest sign the image without booting it first (W500; the release report says so)
 */
public record ReleaseRequest(
    GivenPath profile,
    GivenPath out,
    ImageOptions image,
    GivenPath sbomDir,
    GivenPath releaseDir,
    GivenPath downloadsDir,
    GivenPath junit,
    GivenPath detectionIr,
    GivenPath publishDir,
    Security security,
    Publication publication,
    Signing signing,
    Set<ReleaseStage> stages,
    VersionMatch versionMatch,
    List<GivenPath> doctorBundles,
    Provenance provenance,
    boolean skipBootTest) {

  public ReleaseRequest {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(security, "security");
    Objects.requireNonNull(publication, "publication");
    Objects.requireNonNull(signing, "signing");
    stages = stages.isEmpty() ? EnumSet.noneOf(ReleaseStage.class) : EnumSet.copyOf(stages);
    Objects.requireNonNull(versionMatch, "versionMatch");
    doctorBundles = List.copyOf(doctorBundles);
    Objects.requireNonNull(provenance, "provenance");
  }

  /**
   * The rule files of a profile project; any may be null or missing, and is then skipped (the
   * release says so).
   */
  public record Security(
      GivenPath enforcementPack,
      GivenPath enforcementTests,
      GivenPath events,
      GivenPath enforcementExpected,
      GivenPath detectionPack,
      GivenPath detectionExpected) {

    /** No rule files. */
    public static Security none() {
      return new Security(null, null, null, null, null, null);
    }
  }

  /**
   * Where a release is published.
   *
   * @param assetBaseUrl where the assets folder is served, or null for {@code file://} URLs
   * @param catalogBaseUrl where the release profiles are served, or null for {@code file://} URLs
   * @param release a release (it must be signed and published: E418, E419), not a snapshot
   * @param version how the log names it ({@code release 2026.421.1 refused})
   * @param configFile where publication is configured ({@code pom.xml}), or null
   * @param urlsHint how to set the URLs, in the face's terms
   * @param registry {@code REGISTRY/REPO:TAG} the deploy stage pushes the release to, or null; with
   *     it the release profile and the catalog name that registry's blob URLs (and the release must
   *     be signed)
   */
  public record Publication(
      String assetBaseUrl,
      String catalogBaseUrl,
      boolean release,
      String version,
      String configFile,
      String urlsHint,
      String registry) {

    /** Published under base URLs, not to a registry. */
    public Publication(
        String assetBaseUrl,
        String catalogBaseUrl,
        boolean release,
        String version,
        String configFile,
        String urlsHint) {
      this(assetBaseUrl, catalogBaseUrl, release, version, configFile, urlsHint, null);
    }
  }

  /**
   * Who makes the release, as its SLSA provenance states it.
   *
   * @param builderId the builder's URI ({@code runDetails.builder.id}): a CI runner's, or the
   *     product's ({@code urn:capsem:builder:capsem-java}, the default of every face)
   * @param invocationId this run's id (a CI run URL), or null (or blank, as an unset build
   *     parameter is) for one derived from the inputs
   */
  public record Provenance(String builderId, String invocationId) {
    public Provenance {
      Objects.requireNonNull(builderId, "builderId");
      invocationId = invocationId == null || invocationId.isBlank() ? null : invocationId.strip();
    }
  }

  /**
   * The signing key.
   *
   * @param key the minisign secret key, or null for none
   * @param missingHint how to give a key, in the face's terms
   * @param passwordHint how to give its password, in the face's terms
   */
  public record Signing(
      GivenPath key, PasswordSource password, String missingHint, String passwordHint) {}

  public static Builder builder(GivenPath profile, GivenPath out) {
    return new Builder(profile, out);
  }

  /** Fills a {@link ReleaseRequest}. */
  public static final class Builder {
    private final GivenPath profile;
    private final GivenPath out;
    private ImageOptions image = ImageOptions.builder().build();
    private GivenPath sbomDir;
    private GivenPath releaseDir;
    private GivenPath downloadsDir;
    private GivenPath junit;
    private GivenPath detectionIr;
    private GivenPath publishDir;
    private Security security = Security.none();
    private Publication publication =
        new Publication(null, null, false, "snapshot", null, "set the asset and catalog base URLs");
    private Signing signing =
        new Signing(null, PasswordSource.none(), "give a signing key", "give the key's password");
    private Set<ReleaseStage> stages = EnumSet.allOf(ReleaseStage.class);
    private VersionMatch versionMatch = VersionMatch.EXACT;
    private final List<GivenPath> doctorBundles = new ArrayList<>();
    private Provenance provenance = new Provenance("urn:capsem:builder:capsem-java", null);
    private boolean skipBootTest;

    private Builder(GivenPath profile, GivenPath out) {
      this.profile = profile;
      this.out = out;
    }

    public Builder image(ImageOptions value) {
      image = Objects.requireNonNull(value, "image");
      return this;
    }

    public Builder sbomDir(GivenPath value) {
      sbomDir = value;
      return this;
    }

    public Builder releaseDir(GivenPath value) {
      releaseDir = value;
      return this;
    }

    public Builder downloadsDir(GivenPath value) {
      downloadsDir = value;
      return this;
    }

    public Builder junit(GivenPath value) {
      junit = value;
      return this;
    }

    public Builder detectionIr(GivenPath value) {
      detectionIr = value;
      return this;
    }

    public Builder publishDir(GivenPath value) {
      publishDir = value;
      return this;
    }

    public Builder provenance(Provenance value) {
      provenance = Objects.requireNonNull(value, "provenance");
      return this;
    }

    public Builder security(Security value) {
      security = Objects.requireNonNull(value, "security");
      return this;
    }

    public Builder publication(Publication value) {
      publication = Objects.requireNonNull(value, "publication");
      return this;
    }

    public Builder signing(Signing value) {
      signing = Objects.requireNonNull(value, "signing");
      return this;
    }

    public Builder stages(Set<ReleaseStage> value) {
      stages = EnumSet.copyOf(value);
      return this;
    }

    public Builder versionMatch(VersionMatch value) {
      versionMatch = Objects.requireNonNull(value, "versionMatch");
      return this;
    }

    public Builder doctorBundles(List<GivenPath> value) {
      doctorBundles.clear();
      doctorBundles.addAll(value);
      return this;
    }

    public Builder skipBootTest(boolean value) {
      skipBootTest = value;
      return this;
    }

    public ReleaseRequest build() {
      return new ReleaseRequest(
          profile,
          out,
          image,
          sbomDir,
          releaseDir,
          downloadsDir,
          junit,
          detectionIr,
          publishDir,
          security,
          publication,
          signing,
          stages,
          versionMatch,
          doctorBundles,
          provenance,
          skipBootTest);
    }
  }
}

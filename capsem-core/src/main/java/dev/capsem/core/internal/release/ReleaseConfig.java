package dev.capsem.core.internal.release;

import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.internal.image.BuildSettings;
import dev.capsem.core.internal.image.WorkspaceSources;
import dev.capsem.core.internal.image.version.VersionMatching;
import dev.capsem.core.ports.PasswordSource;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a release is made from.
 *
 * @param profile the source profile
 * @param arch {@code all}, {@code arm64} or {@code x86_64}
 * @param layout where everything goes
 * @param sources the build workspace's inputs besides the profile
 * @param build how the image is built (its output folder is the layout's assets)
 * @param security the rule files; a file that does not exist is skipped, and the log says so
 * @param publication where the release is published, and whether it is a release at all
 * @param signing the key, or none
 * @param stages the stages to run (Maven's lifecycle runs one per goal)
 * @param versionMatch how verification compares inventory versions
 * @param doctorBundles in-guest test results verification reads
 * @param skipBootTest leave the image unbooted before signing (W500, and the release report says
 *     so)
 */
public record ReleaseConfig(
    GivenPath profile,
    String arch,
    ReleaseLayout layout,
    WorkspaceSources sources,
    BuildSettings build,
    Security security,
    Publication publication,
    Signing signing,
    Set<Stage> stages,
    VersionMatching versionMatch,
    List<GivenPath> doctorBundles,
    boolean skipBootTest) {

  public ReleaseConfig {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(arch, "arch");
    Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(sources, "sources");
    Objects.requireNonNull(build, "build");
    Objects.requireNonNull(security, "security");
    Objects.requireNonNull(publication, "publication");
    Objects.requireNonNull(signing, "signing");
    stages = stages.isEmpty() ? EnumSet.noneOf(Stage.class) : EnumSet.copyOf(stages);
    Objects.requireNonNull(versionMatch, "versionMatch");
    doctorBundles = List.copyOf(doctorBundles);
  }

  /**
   * The rule files of a profile project; each may be null or missing, and is then skipped.
   *
   * @param enforcementExpected the report the backtest must give
   * @param detectionExpected the report the detection check must give
   */
  public record Security(
      GivenPath enforcementPack,
      GivenPath enforcementTests,
      GivenPath events,
      GivenPath enforcementExpected,
      GivenPath detectionPack,
      GivenPath detectionExpected) {

    /** No rule files at all. */
    public static Security none() {
      return new Security(null, null, null, null, null, null);
    }
  }

  /**
   * Where the release is published.
   *
   * @param assetBaseUrl where the assets folder is served, or null for its {@code file://} URL
   * @param catalogBaseUrl where the release profiles are served, or null for {@code file://} URLs
   * @param release whether this is a release (which must be signed and published) rather than a
   *     snapshot (which is warned about)
   * @param version the version a log names ({@code release 2026.421.1 refused})
   * @param configFile where the user configures publication (a Maven project's {@code pom.xml}), or
   *     null
   * @param urlsHint how to set the URLs, in the face's own terms
   */
  public record Publication(
      String assetBaseUrl,
      String catalogBaseUrl,
      boolean release,
      String version,
      String configFile,
      String urlsHint) {

    public Publication {
      assetBaseUrl = blankToNull(assetBaseUrl);
      catalogBaseUrl = blankToNull(catalogBaseUrl);
    }

    private static String blankToNull(String url) {
      return url == null || url.isBlank() ? null : url.strip();
    }
  }

  /**
   * The signing key.
   *
   * @param key the minisign secret key, or null to leave the release unsigned
   * @param missingHint how to give a key, in the face's own terms
   * @param passwordHint how to give the key's password, in the face's own terms
   */
  public record Signing(
      GivenPath key, PasswordSource password, String missingHint, String passwordHint) {

    public Signing {
      Objects.requireNonNull(password, "password");
    }

    public boolean present() {
      return key != null;
    }
  }
}

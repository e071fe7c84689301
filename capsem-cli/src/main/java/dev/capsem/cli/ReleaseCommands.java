package dev.capsem.cli;

import dev.capsem.adapters.ProgressLog;
import dev.capsem.core.api.Capsem;
import dev.capsem.core.api.CatalogRequest;
import dev.capsem.core.api.ImageBuildRequest;
import dev.capsem.core.api.ImageOptions;
import dev.capsem.core.api.ReleaseRequest;
import dev.capsem.core.api.ReleaseStage;
import dev.capsem.core.api.ReproducibilityRequest;
import dev.capsem.core.api.VersionMatch;
import dev.capsem.core.diag.GivenPath;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code capsem-admin release [verify-reproducible|catalog]}: what {@code mvn capsem:build} does.
 */
final class ReleaseCommands {

  private static final List<String> STAGES = List.of("validate", "test", "package", "verify");

  private ReleaseCommands() {}

  @Command(
      name = "release",
      description =
          "Make a release of a profile: validate, test, build, SBOMs, release profile, catalog,"
              + " signatures, verify; the same files as mvn capsem:build.")
  static final class Release extends CapsemCommand {

    @Parameters(paramLabel = "PROFILE_PATH", description = "The profile (JSON, or TOML otherwise).")
    String profile;

    @Option(
        names = "--out",
        defaultValue = "target/capsem",
        description =
            "Where the release goes: reports, assets/, sbom/, release/ (default:"
                + " target/capsem, as the Maven plugin).")
    String out;

    @Option(
        names = "--stage",
        paramLabel = "STAGE",
        description = "Run only these stages: validate, test, package, verify (default: all).")
    List<String> stages = new ArrayList<>();

    @Option(
        names = "--doctor-bundle",
        paramLabel = "TAR",
        description = "A capsem-doctor --bundle tar the verification reads (repeatable).")
    List<String> doctorBundles = new ArrayList<>();

    @Option(
        names = "--version-match",
        defaultValue = "exact",
        description = "exact or ranges: how verification compares versions (default: exact).")
    String versionMatch;

    @Option(
        names = "--skip-boot-test",
        description =
            "Sign the image without booting it first (warned as W500, recorded in the report).")
    boolean skipBootTest;

    @Option(names = "--json", description = "Print the release report (capsem.release.v1).")
    boolean json;

    @Mixin BuildOptions build;

    @Mixin WorkspaceInputs inputs;

    @Mixin SecurityFiles security;

    @Mixin ReleaseOptions publishing;

    Release(Capsem capsem) {
      super(capsem);
    }

    @Override
    public Integer call() {
      build.check(this);
      stages.forEach(stage -> choice(stage, "--stage", STAGES));
      choice(versionMatch, "--version-match", List.of("exact", "ranges"));
      GivenPath file = existingFile(profile, "PROFILE_PATH");
      List<GivenPath> bundles = new ArrayList<>();
      doctorBundles.forEach(bundle -> bundles.add(existingFile(bundle, "--doctor-bundle")));
      ReleaseRequest request =
          ReleaseRequest.builder(file, notAFile(out, "--out"))
              .image(build.fill(inputs.fill(ImageOptions.builder())).build())
              .security(security.security())
              .publication(publishing.publication(file.shown()))
              .signing(publishing.signing(this, capsem))
              .stages(stages())
              .versionMatch(VersionMatch.valueOf(versionMatch.toUpperCase(Locale.ROOT)))
              .doctorBundles(bundles)
              .skipBootTest(skipBootTest)
              .build();
      try (ProgressLog progress = Progress.on(console(), build.verbose)) {
        return print(capsem.releases().release(request, progress), json);
      }
    }

    private Set<ReleaseStage> stages() {
      if (stages.isEmpty()) {
        return EnumSet.allOf(ReleaseStage.class);
      }
      Set<ReleaseStage> chosen = EnumSet.noneOf(ReleaseStage.class);
      stages.forEach(stage -> chosen.add(ReleaseStage.valueOf(stage.toUpperCase(Locale.ROOT))));
      return chosen;
    }
  }

  @Command(
      name = "verify-reproducible",
      description =
          "Rebuild an image in a clean folder without any cache and compare it, asset by asset,"
              + " with the last build; list every differing file.")
  static final class VerifyReproducible extends CapsemCommand {

    @Parameters(paramLabel = "PROFILE_PATH", description = "The profile (JSON, or TOML otherwise).")
    String profile;

    @Option(
        names = "--out",
        defaultValue = "assets",
        description = "The last build's asset folder (default: assets).")
    String out;

    @Option(
        names = "--rebuild-dir",
        defaultValue = "reproducible",
        description = "The clean folder of the rebuild, emptied first (default: reproducible).")
    String rebuildDir;

    @Option(names = "--json", description = "Print the JSON report.")
    boolean json;

    @Mixin BuildOptions build;

    @Mixin WorkspaceInputs inputs;

    VerifyReproducible(Capsem capsem) {
      super(capsem);
    }

    @Override
    public Integer call() {
      build.check(this);
      GivenPath file = existingFile(profile, "PROFILE_PATH");
      ImageOptions options =
          build.fill(inputs.fill(ImageOptions.builder())).assets(GivenPath.of(out)).build();
      try (ProgressLog progress = Progress.on(console(), build.verbose)) {
        return print(
            capsem
                .releases()
                .verifyReproducible(
                    new ReproducibilityRequest(
                        new ImageBuildRequest(file, options),
                        notAFile(rebuildDir, "--rebuild-dir")),
                    progress),
            json);
      }
    }
  }

  @Command(
      name = "catalog",
      description =
          "One signed catalog over several releases' profiles (what mvn capsem:catalog makes for a"
              + " reactor).")
  static final class Catalog extends CapsemCommand {

    @Parameters(
        paramLabel = "RELEASE_PROFILE",
        arity = "1..*",
        description = "The release profiles (<release>/profiles/<id>-<revision>.json).")
    List<String> profiles;

    @Option(
        names = "--out",
        required = true,
        description = "Where profiles/, manifest.json and minisign.pub go.")
    String out;

    @Option(names = "--json", description = "Print the catalog report.")
    boolean json;

    @Mixin ReleaseOptions publishing;

    Catalog(Capsem capsem) {
      super(capsem);
    }

    @Override
    public Integer call() {
      List<GivenPath> files = new ArrayList<>();
      profiles.forEach(file -> files.add(existingFile(file, "RELEASE_PROFILE")));
      try (ProgressLog progress = Progress.on(console(), false)) {
        return print(
            capsem
                .releases()
                .catalog(
                    new CatalogRequest(
                        files,
                        notAFile(out, "--out"),
                        publishing.catalogBaseUrl,
                        publishing.publication("catalog"),
                        publishing.signing(this, capsem)),
                    progress),
            json);
      }
    }
  }
}

package dev.capsem.cli;

import dev.capsem.core.api.Capsem;
import dev.capsem.core.api.ImageSbomRequest;
import dev.capsem.core.api.ImageSboms;
import dev.capsem.core.api.ImageVerification;
import dev.capsem.core.api.ImageVerifyRequest;
import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.internal.image.version.VersionMatching;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code capsem-admin image verify|sbom}: prove the built assets, describe the image in SPDX. */
final class ImageVerifyCommands {

  private ImageVerifyCommands() {}

  /** What verify and sbom share: the profile, the assets folder, the arch and the inventory. */
  abstract static class ImageInputs extends CapsemCommand {

    @Parameters(paramLabel = "PROFILE_PATH", description = "The Profile V2 file.")
    String profile;

    @Option(
        names = "--assets-dir",
        required = true,
        description = "Local assets laid out as <assets-dir>/<arch>/<asset filename>.")
    String assetsDir;

    @Option(
        names = "--arch",
        defaultValue = "all",
        description = "all, arm64 or x86_64 (default: all).")
    String arch;

    @Option(
        names = "--inventory",
        description =
            "An inventory file for one arch, or a folder of <arch>/image-inventory.json"
                + " (default: <assets-dir>/<arch>/image-inventory.json).")
    String inventory;

    ImageInputs(Capsem capsem) {
      super(capsem);
    }

    /** Upstream's Click checks, as usage errors (exit 2). */
    void checkInputs() {
      existingFile(profile, "PROFILE_PATH");
      existingDirectory(assetsDir, "--assets-dir");
      choice(arch, "--arch", ImageCommands.ARCHES);
      if (inventory != null && !Files.exists(Path.of(inventory))) {
        throw usage("Invalid value for '--inventory': Path '" + inventory + "' does not exist.");
      }
    }

    GivenPath inventoryPath() {
      return inventory == null ? null : GivenPath.of(inventory);
    }

    /** {@code Error: <why>} and the offending file's diagnostics; exit 1. */
    int refuse(String error, List<dev.capsem.core.diag.Diagnostic> diagnostics) {
      Console console = console();
      console.err("Error: " + error);
      console.diagnostics(diagnostics);
      return ExitCodes.INVALID;
    }
  }

  @Command(
      name = "verify",
      description =
          "Verify a profile's built assets (size, BLAKE3), its image inventory and doctor bundles.")
  static final class Verify extends ImageInputs {

    @Option(names = "--json", description = "Print the JSON report.")
    boolean json;

    @Option(
        names = "--doctor-bundle",
        paramLabel = "TAR",
        description = "A capsem-doctor --bundle tar from a booted image (repeatable).")
    List<String> doctorBundles = new ArrayList<>();

    @Option(
        names = "--version-match",
        defaultValue = "exact",
        description =
            "exact (upstream: equal or *) or ranges (>=, <, ~=, ^ in Debian, PEP 440 or SemVer"
                + " order; default: exact).")
    String versionMatch;

    Verify(Capsem capsem) {
      super(capsem);
    }

    @Override
    public Integer call() {
      checkInputs();
      List<GivenPath> bundles = new ArrayList<>();
      for (String bundle : doctorBundles) {
        existingFile(bundle, "--doctor-bundle");
        bundles.add(GivenPath.of(bundle));
      }
      choice(versionMatch, "--version-match", List.of("exact", "ranges"));
      ImageVerification result =
          capsem
              .imageVerification()
              .verify(
                  new ImageVerifyRequest(
                      GivenPath.of(profile),
                      GivenPath.of(assetsDir),
                      arch,
                      inventoryPath(),
                      bundles,
                      VersionMatching.valueOf(versionMatch.toUpperCase(Locale.ROOT))));
      if (result.report() == null) {
        return refuse(result.error(), result.diagnostics());
      }
      Console console = console();
      if (json) {
        console.outRaw(result.reportJson());
      } else {
        result.report().summaryLines().forEach(console::out);
        result.report().failureLines().forEach(console::err);
      }
      return ExitCodes.of(result.ok());
    }
  }

  @Command(
      name = "sbom",
      description = "Write an SPDX 2.3 SBOM per architecture from the image inventories.")
  static final class Sbom extends ImageInputs {

    @Option(
        names = "--out-dir",
        description = "Where <arch>/guest-sbom.spdx.json go (default: print one arch's SBOM).")
    String outDir;

    Sbom(Capsem capsem) {
      super(capsem);
    }

    @Override
    public Integer call() {
      checkInputs();
      if (outDir != null && Files.isRegularFile(Path.of(outDir))) {
        throw usage("Invalid value for '--out-dir': Directory '" + outDir + "' is a file.");
      }
      ImageSboms result =
          capsem
              .imageVerification()
              .sbom(
                  new ImageSbomRequest(
                      GivenPath.of(profile),
                      GivenPath.of(assetsDir),
                      arch,
                      inventoryPath(),
                      outDir == null ? null : GivenPath.of(outDir)));
      if (!result.ok()) {
        return refuse(result.error(), result.diagnostics());
      }
      console().outRaw(result.stdout());
      return ExitCodes.OK;
    }
  }
}

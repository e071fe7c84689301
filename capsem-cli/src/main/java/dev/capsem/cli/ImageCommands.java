package dev.capsem.cli;

import dev.capsem.adapters.ProgressLog;
import dev.capsem.core.api.Capsem;
import dev.capsem.core.api.ImageBuildRequest;
import dev.capsem.core.api.ImageCatRequest;
import dev.capsem.core.api.ImageLsRequest;
import dev.capsem.core.api.ImageOptions;
import dev.capsem.core.api.ImagePlanRequest;
import dev.capsem.core.api.ImageSbomRequest;
import dev.capsem.core.api.ImageVerifyRequest;
import dev.capsem.core.api.ImageWorkspaceRequest;
import dev.capsem.core.api.VersionMatch;
import dev.capsem.core.diag.GivenPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code capsem-admin image plan|build-workspace|build|verify|sbom|ls|cat}. */
final class ImageCommands {

  static final List<String> ARCHES = List.of("all", "arm64", "x86_64");

  private ImageCommands() {}

  @Command(name = "image", description = "Plan, build, verify and describe Capsem VM images.")
  static final class Group extends CommandGroup {}

  @Command(
      name = "plan",
      description = "Print the image plan of a Profile V2 (capsem.image-plan.v1).")
  static final class Plan extends CapsemCommand {

    @Parameters(paramLabel = "PROFILE_PATH", description = "The profile (JSON, or TOML otherwise).")
    String profile;

    @Option(
        names = "--arch",
        defaultValue = "all",
        description = "all, arm64 or x86_64 (default: all).")
    String arch;

    @Option(names = "--json", description = "Print the JSON plan.")
    boolean json;

    Plan(Capsem capsem) {
      super(capsem);
    }

    @Override
    public Integer call() {
      choice(arch, "--arch", ARCHES);
      GivenPath file = existingFile(profile, "PROFILE_PATH");
      return print(capsem.images().plan(new ImagePlanRequest(file, arch)), json);
    }
  }

  @Command(
      name = "build-workspace",
      description =
          "Write the build workspace a profile derives (config/*.toml, kernel, artifacts).")
  static final class BuildWorkspace extends CapsemCommand {

    @Parameters(paramLabel = "PROFILE_PATH", description = "The profile (JSON, or TOML otherwise).")
    String profile;

    @Option(names = "--out", required = true, description = "The workspace folder to write.")
    String out;

    @Option(
        names = "--arch",
        defaultValue = "all",
        description = "all, arm64 or x86_64 (default: all).")
    String arch;

    @Option(names = "--force", description = "Write into a non-empty folder.")
    boolean force;

    @Option(names = "--json", description = "Print the JSON report.")
    boolean json;

    @Mixin WorkspaceInputs inputs;

    BuildWorkspace(Capsem capsem) {
      super(capsem);
    }

    @Override
    public Integer call() {
      choice(arch, "--arch", ARCHES);
      GivenPath file = existingFile(profile, "PROFILE_PATH");
      ImageOptions options = inputs.fill(ImageOptions.builder().arch(arch)).build();
      return print(
          capsem
              .images()
              .buildWorkspace(
                  new ImageWorkspaceRequest(file, notAFile(out, "--out"), force, options)),
          json);
    }
  }

  @Command(
      name = "build",
      description =
          "Build kernel, initrd and rootfs per architecture through the container runtime, then"
              + " B3SUMS and manifest.json.")
  static final class Build extends CapsemCommand {

    @Parameters(paramLabel = "PROFILE_PATH", description = "The profile (JSON, or TOML otherwise).")
    String profile;

    @Option(
        names = "--out",
        defaultValue = "assets",
        description = "Asset folder (default: assets).")
    String out;

    @Option(
        names = "--workspace-dir",
        description = "Keep the build workspace here (default: a temporary folder).")
    String workspaceDir;

    @Option(names = "--force", description = "Write into a non-empty --workspace-dir.")
    boolean force;

    @Option(names = "--json", description = "Print the JSON report.")
    boolean json;

    @Option(
        names = "--keep-profile",
        description =
            "Leave the profile as it is (default: write the built assets' names, sizes and hashes"
                + " into its [vm.assets.<arch>.<kind>] tables, so image verify passes).")
    boolean keepProfile;

    @Mixin BuildOptions build;

    @Mixin WorkspaceInputs inputs;

    Build(Capsem capsem) {
      super(capsem);
    }

    @Override
    public Integer call() {
      build.check(this);
      GivenPath file = existingFile(profile, "PROFILE_PATH");
      ImageOptions options =
          build
              .fill(inputs.fill(ImageOptions.builder()))
              .assets(notAFile(out, "--out"))
              .workspace(notAFile(workspaceDir, "--workspace-dir"))
              .force(force)
              .build();
      try (ProgressLog progress = Progress.on(console(), build.verbose)) {
        return print(
            capsem.images().build(new ImageBuildRequest(file, options, !keepProfile), progress),
            json);
      }
    }
  }

  /** What verify and sbom share: the profile, the assets folder, the arch and the inventory. */
  abstract static class AssetCommand extends CapsemCommand {

    @Parameters(paramLabel = "PROFILE_PATH", description = "The Profile V2 file.")
    String profile;

    @Option(
        names = "--assets-dir",
        required = true,
        description = "Local assets laid out as <assets-dir>/<arch>/<asset filename>.")
    String assetsDir;

    @Option(
        names = "--arch",
        description =
            "all, arm64 or x86_64 (default: each architecture the profile has assets for).")
    String arch;

    @Option(
        names = "--inventory",
        description =
            "An inventory file for one arch, or a folder of <arch>/image-inventory.json"
                + " (default: <assets-dir>/<arch>/image-inventory.json).")
    String inventory;

    AssetCommand(Capsem capsem) {
      super(capsem);
    }

    /** Upstream's Click checks, as usage errors (exit 2). */
    void checkInputs() {
      existingFile(profile, "PROFILE_PATH");
      existingDirectory(assetsDir, "--assets-dir");
      choice(arch, "--arch", ARCHES);
      arch = arch == null ? ImageVerifyRequest.DECLARED_ARCHES : arch;
      if (inventory != null && !Files.exists(Path.of(inventory))) {
        throw usage("Invalid value for '--inventory': Path '" + inventory + "' does not exist.");
      }
    }

    GivenPath inventoryPath() {
      return inventory == null ? null : GivenPath.of(inventory);
    }
  }

  @Command(
      name = "verify",
      description =
          "Verify a profile's built assets (size, BLAKE3), its image inventory and doctor bundles.")
  static final class Verify extends AssetCommand {

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
        bundles.add(existingFile(bundle, "--doctor-bundle"));
      }
      choice(versionMatch, "--version-match", List.of("exact", "ranges"));
      return print(
          capsem
              .images()
              .verify(
                  new ImageVerifyRequest(
                      GivenPath.of(profile),
                      GivenPath.of(assetsDir),
                      arch,
                      inventoryPath(),
                      bundles,
                      VersionMatch.valueOf(versionMatch.toUpperCase(Locale.ROOT)))),
          json);
    }
  }

  @Command(
      name = "sbom",
      description = "Write an SPDX 2.3 SBOM per architecture from the image inventories.")
  static final class Sbom extends AssetCommand {

    @Option(
        names = "--out-dir",
        description = "Where <arch>/guest-sbom.spdx.json go (default: print one arch's SBOM).")
    String outDir;

    @Option(names = "--json", description = "Print a JSON report of the documents written.")
    boolean json;

    Sbom(Capsem capsem) {
      super(capsem);
    }

    @Override
    public Integer call() {
      checkInputs();
      return print(
          capsem
              .images()
              .sbom(
                  new ImageSbomRequest(
                      GivenPath.of(profile),
                      GivenPath.of(assetsDir),
                      arch,
                      inventoryPath(),
                      notAFile(outDir, "--out-dir"))),
          json);
    }
  }

  @Command(
      name = "ls",
      description = "List a rootfs squashfs (or a path inside it) exactly as unsquashfs -lln does.")
  static final class Ls extends CapsemCommand {

    @Parameters(index = "0", paramLabel = "IMAGE", description = "ASSETS_DIR/ARCH/rootfs.squashfs")
    String image;

    @Parameters(
        index = "1",
        arity = "0..1",
        paramLabel = "PATH",
        description = "A file or folder inside the image (default: all of it).")
    String path;

    @Option(names = "--json", description = "Print capsem.image-ls.v1 with the same lines.")
    boolean json;

    Ls(Capsem capsem) {
      super(capsem);
    }

    @Override
    public Integer call() {
      GivenPath file = existingFile(image, "IMAGE");
      return print(capsem.images().ls(new ImageLsRequest(file, path)), json);
    }
  }

  @Command(
      name = "cat",
      description = "Write one regular file of a rootfs squashfs to standard output.")
  static final class Cat extends CapsemCommand {

    @Parameters(index = "0", paramLabel = "IMAGE", description = "ASSETS_DIR/ARCH/rootfs.squashfs")
    String image;

    @Parameters(index = "1", paramLabel = "PATH", description = "The file inside the image.")
    String path;

    Cat(Capsem capsem) {
      super(capsem);
    }

    @Override
    public Integer call() {
      GivenPath file = existingFile(image, "IMAGE");
      // The file's bytes go to the process's standard output as they are, not through the
      // console's text writer.
      int code =
          print(capsem.images().cat(new ImageCatRequest(file, path, null), System.out), false);
      System.out.flush();
      return code;
    }
  }
}

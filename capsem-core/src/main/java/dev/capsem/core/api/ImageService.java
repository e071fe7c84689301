package dev.capsem.core.api;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.DiagnosticText;
import dev.capsem.core.internal.image.ArchSelection;
import dev.capsem.core.internal.image.AssetReleaseWriter;
import dev.capsem.core.internal.image.BuildSettings;
import dev.capsem.core.internal.image.ImageBuild;
import dev.capsem.core.internal.image.ImagePlan;
import dev.capsem.core.internal.image.ImageWorkspace;
import dev.capsem.core.internal.image.InputPath;
import dev.capsem.core.internal.image.NpmRegistryCheck;
import dev.capsem.core.internal.image.ReleaseProfile;
import dev.capsem.core.internal.image.WorkspaceFile;
import dev.capsem.core.internal.image.WorkspaceSources;
import dev.capsem.core.internal.image.WorkspaceWriter;
import dev.capsem.core.internal.io.AtomicFiles;
import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.BooleanNode;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.manifest.AssetManifestCheck;
import dev.capsem.core.internal.manifest.AssetManifestReader;
import dev.capsem.core.internal.profile.ProfileCheck;
import dev.capsem.core.internal.profile.ProfileReader;
import dev.capsem.core.internal.report.DiagnosticJson;
import dev.capsem.core.internal.report.PythonPath;
import dev.capsem.core.internal.schema.InputDocument;
import dev.capsem.core.internal.workspace.GuestConfigs;
import dev.capsem.core.internal.workspace.WorkspaceLint;
import dev.capsem.core.internal.workspace.WorkspaceLinter;
import dev.capsem.core.ports.BuildProgress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The image use cases over the domain's image and workspace packages. */
final class ImageService implements ImageUseCases {

  static final String BUILD_SCHEMA = "capsem.image-build.v1";

  private final Ports ports;

  ImageService(Ports ports) {
    this.ports = ports;
  }

  /**
   * A profile that reads and plans for the selected architectures, or the outcome saying why not.
   */
  private record Planned(ImagePlan plan, List<Diagnostic> warnings, ImageOutcome failure) {}

  private Planned plan(Path profileFile, String shown, String arch) {
    ProfileCheck check = ProfileReader.readForOutputs(profileFile, shown);
    if (check.profile() == null) {
      return new Planned(
          null,
          List.of(),
          ImageOutcome.failed(
              "invalid profile " + PythonPath.normalize(shown), check.diagnostics()));
    }
    List<Diagnostic> warnings = new ArrayList<>(check.diagnostics());
    warnings.addAll(NpmRegistryCheck.check(check.profile(), shown));
    Diagnostic missing = ArchSelection.missingAssets(check.profile(), arch, shown);
    if (missing != null) {
      Diagnostic located = new Diagnostic(missing.code(), shown, "", null, missing.message());
      List<Diagnostic> all = new ArrayList<>(warnings);
      all.add(located);
      return new Planned(null, List.of(), ImageOutcome.failed(missing.message(), all));
    }
    ImagePlan plan = ImagePlan.of(check.profile(), ArchSelection.of(arch), ports.hasher());
    return new Planned(plan, warnings, null);
  }

  @Override
  public ImageOutcome plan(ImagePlanRequest request) {
    Planned planned = plan(request.profile(), request.profileShown(), request.arch());
    if (planned.failure() != null) {
      return planned.failure();
    }
    return new ImageOutcome(
        true, null, planned.warnings(), planned.plan().document(), planned.plan().humanLines());
  }

  /** The derived files of a workspace, or the outcome saying why there are none. */
  private record Derived(Planned planned, List<WorkspaceFile> files, ImageOutcome failure) {}

  private Derived derive(
      Path profile, String shown, String arch, WorkspaceSources sources, boolean forBuild) {
    Planned planned = plan(profile, shown, arch);
    if (planned.failure() != null) {
      return new Derived(planned, List.of(), planned.failure());
    }
    List<Diagnostic> problems = new ArrayList<>(planned.warnings());
    Diagnostic node = ImageWorkspace.nodeMajorProblem(planned.plan().profile(), shown);
    if (node != null) {
      problems.add(node);
    }
    if (forBuild) {
      problems.addAll(ImageWorkspace.buildLimitProblems(planned.plan().profile(), shown));
    }
    if (problems.stream().anyMatch(Diagnostic::isError)) {
      return new Derived(
          planned, List.of(), ImageOutcome.failed("cannot derive the build workspace", problems));
    }
    ImageWorkspace.Derived derived;
    try {
      derived = ImageWorkspace.derive(planned.plan(), sources, shown);
    } catch (UncheckedIOException e) {
      return new Derived(planned, List.of(), ImageOutcome.failed(e.getMessage(), problems));
    }
    problems.addAll(derived.diagnostics());
    if (!derived.ok()) {
      return new Derived(
          planned, List.of(), ImageOutcome.failed("cannot derive the build workspace", problems));
    }
    return new Derived(new Planned(planned.plan(), problems, null), derived.files(), null);
  }

  @Override
  public ImageOutcome buildWorkspace(ImageWorkspaceRequest request) {
    Derived derived =
        derive(request.profile(), request.profileShown(), request.arch(), request.sources(), false);
    if (derived.failure() != null) {
      return derived.failure();
    }
    InputPath out = request.out();
    try {
      String refusal = WorkspaceWriter.refusal(out.path(), out.shown(), request.force());
      if (refusal != null) {
        return ImageOutcome.failed(refusal, derived.planned().warnings());
      }
      WorkspaceWriter.write(out.path(), derived.files());
    } catch (IOException e) {
      return ImageOutcome.failed(
          "cannot write " + out.shown() + ": " + e.getMessage(), derived.planned().warnings());
    }
    ImagePlan plan = derived.planned().plan();
    ObjectNode report = ImageWorkspace.report(plan, out.shown(), derived.files(), ports.hasher());
    return new ImageOutcome(
        true,
        null,
        derived.planned().warnings(),
        report,
        List.of(
            "profile: " + plan.profile().reference(),
            "workspace: " + PythonPath.normalize(out.shown()),
            "package contract: " + plan.packageContractHash(),
            "arches: " + String.join(", ", plan.arches()),
            "files: " + derived.files().size()));
  }

  @Override
  public ImageOutcome build(ImageBuildRequest request, BuildProgress progress) {
    Derived derived =
        derive(request.profile(), request.profileShown(), request.arch(), request.sources(), true);
    if (derived.failure() != null) {
      return derived.failure();
    }
    List<Diagnostic> diagnostics = new ArrayList<>(derived.planned().warnings());
    InputPath workspace = request.workspaceDir();
    boolean temporary = workspace == null;
    try {
      if (temporary) {
        Path dir = Files.createTempDirectory("capsem-profile-image-");
        workspace = new InputPath(dir, dir.toString());
      } else {
        String refusal =
            WorkspaceWriter.refusal(workspace.path(), workspace.shown(), request.force());
        if (refusal != null) {
          return ImageOutcome.failed(refusal, diagnostics);
        }
      }
      return build(request, progress, derived, workspace, diagnostics);
    } catch (IOException e) {
      return ImageOutcome.failed(
          "cannot write the build workspace: " + e.getMessage(), diagnostics);
    } finally {
      if (temporary && workspace != null) {
        deleteTree(workspace.path());
      }
    }
  }

  private ImageOutcome build(
      ImageBuildRequest request,
      BuildProgress progress,
      Derived derived,
      InputPath workspace,
      List<Diagnostic> diagnostics)
      throws IOException {
    ImagePlan plan = derived.planned().plan();
    WorkspaceWriter.write(workspace.path(), derived.files());
    WorkspaceLint lint =
        WorkspaceLinter.lint(
            workspace.path(),
            workspace.shown(),
            workspace.path().resolve("artifacts"),
            workspace.resolve("artifacts").shown());
    boolean profileSaidW001 = diagnostics.stream().anyMatch(d -> d.code() == Code.W001);
    List<Diagnostic> linted = new ArrayList<>();
    for (Diagnostic d : lint.diagnostics()) {
      if (d.code() == Code.W001 && profileSaidW001) {
        continue; // the profile's own W001 already says it, at the line the user edits
      }
      linted.add(d.file() == null ? d : d.inFile(workspace.resolve(d.file()).shown()));
    }
    diagnostics.addAll(linted);
    if (!lint.ok()) {
      return ImageOutcome.failed(
          "the build workspace " + PythonPath.normalize(workspace.shown()) + " is invalid",
          diagnostics);
    }
    GuestConfigs.Loaded loaded = GuestConfigs.load(workspace.path(), workspace.shown());
    if (loaded.config() == null) {
      diagnostics.addAll(loaded.diagnostics());
      return ImageOutcome.failed(
          "the build workspace " + PythonPath.normalize(workspace.shown()) + " does not load",
          diagnostics);
    }
    ImageBuild.Outcome outcome =
        new ImageBuild(
                ports.containers(),
                ports.downloads(),
                ports.hasher(),
                ports.clock(),
                progress,
                AssetReleaseWriter.checksumsAndManifest(ports.hasher()),
                ports.host().isMac()
                    ? "brew install colima docker && colima start --vm-type vz --vz-rosetta"
                    : "sudo apt install docker.io")
            .run(plan, loaded.config(), workspace.path(), request.settings());
    diagnostics.addAll(outcome.diagnostics());
    if (!outcome.ok()) {
      return ImageOutcome.failed("image build failed", diagnostics);
    }
    ObjectNode workspaceReport =
        ImageWorkspace.report(plan, workspace.shown(), derived.files(), ports.hasher());
    ObjectNode report = report(request, plan, workspaceReport, diagnostics, outcome);
    boolean dryRun = request.settings().dryRun();
    return new ImageOutcome(
        true,
        null,
        diagnostics,
        report,
        List.of(
            "profile: " + plan.profile().reference(),
            (dryRun ? "planned: " : outcome.noContainerWork() ? "unchanged: " : "built: ")
                + String.join(", ", plan.arches())
                + " "
                + request.settings().template().id()
                + (outcome.noContainerWork() ? " (no container work)" : ""),
            "assets: " + PythonPath.normalize(request.settings().outDir().shown())));
  }

  private static ObjectNode report(
      ImageBuildRequest request,
      ImagePlan plan,
      ObjectNode workspaceReport,
      List<Diagnostic> diagnostics,
      ImageBuild.Outcome outcome) {
    List<Diagnostic> sorted = new ArrayList<>(diagnostics);
    sorted.sort(DiagnosticText.SEVERITY_THEN_CODE);
    ObjectNode.Builder report =
        ObjectNode.builder()
            .put("schema", BUILD_SCHEMA)
            .put("ok", BooleanNode.of(true))
            .put("dry_run", BooleanNode.of(request.settings().dryRun()))
            .put("profile_id", plan.profile().id())
            .put("profile_revision", plan.profile().revision())
            .put("output_dir", PythonPath.normalize(request.settings().outDir().shown()))
            .put("workspace", workspaceReport)
            .put("template", request.settings().template().id())
            .put("diagnostics", DiagnosticJson.array(sorted));
    if (request.settings().dryRun()) {
      List<Node> commands = new ArrayList<>();
      for (ImageBuild.PlannedCommand command : outcome.commands()) {
        ObjectNode.Builder item = ObjectNode.builder();
        item.put("arch", command.arch() == null ? "all" : command.arch());
        item.put("step", command.step());
        item.put("argv", ArrayNode.ofStrings(command.commandLine()));
        commands.add(item.build());
      }
      report.put("commands", ArrayNode.of(commands));
    }
    if (outcome.kernel() != null) {
      report.put(
          "kernel",
          ObjectNode.builder()
              .put("version", outcome.kernel().version())
              .put("source", outcome.kernel().source())
              .put("sha256", outcome.kernel().sha256())
              .build());
    }
    if (!request.settings().dryRun()) {
      List<Node> steps = new ArrayList<>();
      for (ImageBuild.StepDone step : outcome.steps()) {
        ObjectNode.Builder item =
            ObjectNode.builder()
                .put("arch", step.arch())
                .put("step", step.step())
                .put("status", step.reused() ? "reused" : "built");
        if (step.inputsHash() != null) {
          item.put("inputs", "blake3:" + step.inputsHash());
        }
        steps.add(item.build());
      }
      report.put("steps", ArrayNode.of(steps));
      List<Node> assets = new ArrayList<>();
      for (ImageBuild.BuiltAsset asset : outcome.assets()) {
        assets.add(
            ObjectNode.builder()
                .put("arch", asset.arch())
                .put("name", asset.name())
                .put("path", asset.path())
                .put("size", asset.size())
                .put("hash", "blake3:" + asset.hash())
                .build());
      }
      report.put("assets", ArrayNode.of(assets));
      if (outcome.release() != null) {
        String out = PythonPath.normalize(request.settings().outDir().shown());
        report.put(
            "release",
            ObjectNode.builder()
                .put("asset_version", outcome.release().assetVersion())
                .put("binary_version", outcome.release().binaryVersion())
                .put("b3sums", out + "/B3SUMS")
                .put("manifest", out + "/manifest.json")
                .build());
      }
    }
    return report.build();
  }

  @Override
  public ImageOutcome releaseProfile(ReleaseProfileRequest request) {
    String shown = request.profile().asGiven();
    ProfileCheck check = ProfileReader.readForOutputs(request.profile().path(), shown);
    if (check.profile() == null) {
      return ImageOutcome.failed(
          "invalid profile " + PythonPath.normalize(shown), check.diagnostics());
    }
    Path manifestFile = request.assetsDir().path().resolve("manifest.json");
    String manifestShown = PythonPath.normalize(request.assetsDir().asGiven() + "/manifest.json");
    if (!Files.isRegularFile(manifestFile)) {
      return ImageOutcome.failed(
          "no asset manifest " + manifestShown + ": build the image first",
          List.of(
              new Diagnostic(
                  Code.E016,
                  manifestShown,
                  "",
                  null,
                  "Missing required file: manifest.json (the image build writes it)")));
    }
    AssetManifestCheck read = AssetManifestReader.read(manifestFile, manifestShown);
    if (!read.ok()) {
      return ImageOutcome.failed("invalid asset manifest " + manifestShown, read.diagnostics());
    }
    String base =
        request.assetBaseUrl() == null || request.assetBaseUrl().isBlank()
            ? ReleaseProfile.fileUrl(request.assetsDir().path())
            : request.assetBaseUrl().strip().replaceAll("/+$", "");
    ReleaseProfile.Derived derived =
        ReleaseProfile.derive(
            check.profile(),
            read.manifest(),
            manifestShown,
            ArchSelection.of(request.arch()),
            base);
    if (!derived.ok()) {
      return ImageOutcome.failed(
          "the asset manifest " + manifestShown + " lacks assets the release needs",
          derived.problems());
    }
    String outShown = PythonPath.normalize(request.out().asGiven());
    byte[] bytes = derived.json().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    ProfileCheck again = ProfileReader.check(InputDocument.parse(bytes, outShown, true), outShown);
    if (!again.ok()) {
      return ImageOutcome.failed(
          "the release profile would be invalid (check assetBaseUrl)", again.diagnostics());
    }
    try {
      Path parent = request.out().path().toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      AtomicFiles.write(request.out().path(), bytes);
    } catch (IOException e) {
      return ImageOutcome.failed("cannot write " + outShown + ": " + e.getMessage(), List.of());
    }
    ObjectNode report =
        ReleaseProfile.report(
            check.profile(), PythonPath.normalize(shown), outShown, base, derived);
    List<String> arches = new ArrayList<>();
    derived
        .assets()
        .forEach(
            a -> {
              if (!arches.contains(a.arch())) {
                arches.add(a.arch());
              }
            });
    return new ImageOutcome(
        true,
        null,
        check.diagnostics(),
        report,
        List.of(
            "release profile: " + outShown + " (" + check.profile().reference() + ")",
            "describes: "
                + String.join(", ", arches)
                + " of asset release "
                + derived.assetVersion()
                + " at "
                + base));
  }

  @Override
  public ImageOutcome verifyReproducible(ReproducibilityRequest request, BuildProgress progress) {
    ImageBuildRequest previous = request.build();
    BuildSettings was = previous.settings();
    InputPath previousOut = was.outDir();
    Map<String, String> before = b3sums(previousOut.path().resolve("B3SUMS"));
    String b3Shown = PythonPath.normalize(previousOut.shown() + "/B3SUMS");
    if (before == null) {
      return ImageOutcome.failed(
          "no previous build to compare with: " + b3Shown + " is missing; build the image first",
          List.of(
              new Diagnostic(
                  Code.E016,
                  b3Shown,
                  "",
                  null,
                  "Missing required file: B3SUMS of the last build")));
    }
    InputPath root = request.rebuildDir();
    InputPath assetsDir = root.resolve("assets");
    if (Files.exists(root.path())) {
      deleteTree(root.path());
    }
    BuildSettings clean =
        new BuildSettings(
            was.template(),
            assetsDir,
            was.guestBinaries(),
            was.kernelSource(),
            was.sources(),
            was.binaryVersion(),
            true,
            false);
    ImageOutcome rebuilt =
        build(
            new ImageBuildRequest(
                previous.profile(),
                previous.profileShown(),
                previous.arch(),
                root.resolve("workspace"),
                true,
                previous.sources(),
                clean),
            progress);
    if (!rebuilt.ok()) {
      return ImageOutcome.failed(
          "the clean rebuild failed: " + rebuilt.error(), rebuilt.diagnostics());
    }
    Map<String, String> after = b3sums(assetsDir.path().resolve("B3SUMS"));
    Planned planned = plan(previous.profile(), previous.profileShown(), previous.arch());
    List<Node> rows = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>(rebuilt.diagnostics());
    boolean same = true;
    try {
      for (String arch : planned.plan().arches()) {
        for (String name : List.of("vmlinuz", "initrd.img", "rootfs.squashfs")) {
          String key = arch + "/" + name;
          if (!after.containsKey(key)) {
            continue; // not built by this template
          }
          String old = before.get(key);
          String now = after.get(key);
          boolean equal = now.equals(old);
          same &= equal;
          ObjectNode.Builder row =
              ObjectNode.builder()
                  .put("arch", arch)
                  .put("asset", name)
                  .put("previous_hash", old == null ? "missing" : "blake3:" + old)
                  .put("rebuilt_hash", "blake3:" + now)
                  .put("identical", BooleanNode.of(equal));
          if (equal) {
            lines.add(key + ": identical (blake3:" + now + ")");
          } else if (old == null) {
            lines.add(key + ": not in the previous build");
          } else {
            List<String> files =
                differences(
                    planned.plan(),
                    root,
                    name,
                    previousOut.path().resolve(key),
                    assetsDir.path().resolve(key),
                    progress);
            row.put("differing_files", ArrayNode.ofStrings(files));
            lines.add(
                key
                    + ": differs (blake3:"
                    + old
                    + " before, blake3:"
                    + now
                    + " now)"
                    + (files.isEmpty() ? "" : "; " + files.size() + " differing file(s):"));
            files.forEach(file -> lines.add("  " + file));
          }
          rows.add(row.build());
        }
      }
    } catch (IOException | dev.capsem.core.ports.ContainerRuntimeException e) {
      return ImageOutcome.failed(
          "cannot compare the two builds: " + e.getMessage(), List.copyOf(diagnostics));
    }
    ObjectNode report =
        ObjectNode.builder()
            .put("schema", "capsem.reproducibility.v1")
            .put("ok", BooleanNode.of(same))
            .put("previous", PythonPath.normalize(previousOut.shown()))
            .put("rebuilt", PythonPath.normalize(assetsDir.shown()))
            .put("assets", ArrayNode.of(rows))
            .build();
    if (!same) {
      lines.add(0, "not reproducible: the clean rebuild differs from " + previousOut.shown());
      return new ImageOutcome(
          false, "the clean rebuild differs from the previous build", diagnostics, report, lines);
    }
    lines.add(0, "reproducible: the clean rebuild is bit-identical to " + previousOut.shown());
    return new ImageOutcome(true, null, diagnostics, report, lines);
  }

  private List<String> differences(
      ImagePlan plan, InputPath root, String name, Path before, Path after, BuildProgress progress)
      throws IOException, dev.capsem.core.ports.ContainerRuntimeException {
    if (name.equals("initrd.img")) {
      return dev.capsem.core.internal.image.Reproducibility.initrdDifferences(before, after);
    }
    if (!name.equals("rootfs.squashfs")) {
      return List.of(); // a kernel image is one file
    }
    GuestConfigs.Loaded loaded =
        GuestConfigs.load(root.path().resolve("workspace"), root.resolve("workspace").shown());
    String baseImage =
        loaded.config().build().architectures().values().iterator().next().baseImage();
    try (BuildProgress.Step step = progress.begin("compare the two rootfs images")) {
      List<String> files =
          dev.capsem.core.internal.image.Reproducibility.rootfsDifferences(
              ports.containers(), ports.hasher(), baseImage, before, after);
      step.succeeded();
      return files;
    }
  }

  /** {@code <arch>/<name>} → bare hash, from a {@code B3SUMS} file; null when there is none. */
  private static Map<String, String> b3sums(Path file) {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    Map<String, String> out = new java.util.LinkedHashMap<>();
    try {
      for (String line : Files.readAllLines(file, java.nio.charset.StandardCharsets.UTF_8)) {
        String[] parts = line.strip().split("\\s+", 2);
        if (parts.length == 2) {
          out.put(parts[1], parts[0]);
        }
      }
    } catch (IOException e) {
      return null;
    }
    return out;
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the temporary workspace " + dir, e);
    }
  }
}

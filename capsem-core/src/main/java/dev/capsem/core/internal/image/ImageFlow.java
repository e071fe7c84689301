package dev.capsem.core.internal.image;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.DiagnosticText;
import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.TextReport;
import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.profile.ProfileCheck;
import dev.capsem.core.internal.report.PythonPath;
import dev.capsem.core.internal.workspace.GuestConfigs;
import dev.capsem.core.internal.workspace.WorkspaceLint;
import dev.capsem.core.internal.workspace.WorkspaceLinter;
import dev.capsem.core.ports.BuildProgress;
import dev.capsem.core.ports.ContainerRuntime;
import dev.capsem.core.ports.Downloader;
import dev.capsem.core.ports.Hasher;
import dev.capsem.core.ports.SquashfsCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The image use cases on a profile read once: its plan, its build workspace, its build. The build
 * derives the workspace in memory, writes it for the user (upstream's output, linted there), and
 * builds from the in-memory files and their bound guest configuration.
 */
public final class ImageFlow {

  private final Hasher hasher;
  private final ContainerRuntime runtime;
  private final Downloader downloads;
  private final Clock clock;
  private final String runtimeFix;
  private final List<SquashfsCodec> codecs;

  /**
   * @param runtimeFix how to install the container runtime on this host
   * @param codecs the squashfs codecs the rootfs writer may compress with
   */
  public ImageFlow(
      Hasher hasher,
      ContainerRuntime runtime,
      Downloader downloads,
      Clock clock,
      String runtimeFix,
      List<SquashfsCodec> codecs) {
    this.hasher = hasher;
    this.runtime = runtime;
    this.downloads = downloads;
    this.clock = clock;
    this.runtimeFix = runtimeFix;
    this.codecs = List.copyOf(codecs);
  }

  /** A profile's plan for the selected architectures, with the warnings planning raised. */
  public record Planned(ImagePlan plan, List<Diagnostic> warnings) {
    public Planned {
      warnings = List.copyOf(warnings);
    }
  }

  /** The plan of a read profile, or why there is none. */
  public Outcome<PlanReport> plan(ProfileCheck check, GivenPath profile, String arch) {
    if (check.profile() == null) {
      return Outcome.failed(
          "invalid profile " + PythonPath.normalize(profile.shown()), check.diagnostics());
    }
    List<Diagnostic> warnings = new ArrayList<>(check.diagnostics());
    warnings.addAll(NpmRegistryCheck.check(check.profile(), profile.shown()));
    Diagnostic missing = ArchSelection.missingAssets(check.profile(), arch, profile.shown());
    if (missing != null) {
      List<Diagnostic> all = new ArrayList<>(warnings);
      all.add(new Diagnostic(missing.code(), profile.shown(), "", null, missing.message()));
      return Outcome.failed(missing.message(), all);
    }
    ImagePlan plan = ImagePlan.of(check.profile(), ArchSelection.of(arch), hasher);
    return Outcome.of(new PlanReport(plan, warnings), warnings);
  }

  /** The plan as {@code image plan} prints it. */
  public record PlanReport(ImagePlan plan, List<Diagnostic> warnings)
      implements dev.capsem.core.diag.Report {
    @Override
    public String json() {
      return JsonPrinter.pretty().printLine(plan.document());
    }

    @Override
    public String text() {
      return TextReport.lines(plan.humanLines());
    }

    Planned planned() {
      return new Planned(plan, warnings);
    }
  }

  /** The derived files of a workspace, with every finding, or (files null) why there are none. */
  private record Derivation(DerivedFiles files, List<Diagnostic> diagnostics, String error) {}

  private Derivation derive(
      ProfileCheck check,
      GivenPath profile,
      String arch,
      WorkspaceSources sources,
      boolean forBuild) {
    Outcome<PlanReport> planned = plan(check, profile, arch);
    if (planned.value() == null) {
      return new Derivation(null, planned.diagnostics(), planned.error());
    }
    ImagePlan plan = planned.value().plan();
    List<Diagnostic> problems = new ArrayList<>(planned.diagnostics());
    Diagnostic node = BuildLimits.nodeMajorProblem(plan.profile(), profile.shown());
    if (node != null) {
      problems.add(node);
    }
    if (forBuild) {
      problems.addAll(BuildLimits.buildLimitProblems(plan.profile(), profile.shown()));
    }
    if (problems.stream().anyMatch(Diagnostic::isError)) {
      return new Derivation(null, problems, "cannot derive the build workspace");
    }
    ImageWorkspace.Derived derived;
    try {
      derived = ImageWorkspace.derive(plan, sources, profile.shown());
    } catch (UncheckedIOException e) {
      return new Derivation(null, problems, e.getMessage());
    }
    problems.addAll(derived.diagnostics());
    if (!derived.ok()) {
      return new Derivation(null, problems, "cannot derive the build workspace");
    }
    return new Derivation(new DerivedFiles(plan, derived.files()), problems, null);
  }

  /** A plan and its workspace files, in memory. */
  private record DerivedFiles(ImagePlan plan, List<WorkspaceFile> files) {}

  /** {@code image build-workspace}: derives and writes the workspace. */
  public Outcome<TextReport> writeWorkspace(
      ProfileCheck check,
      GivenPath profile,
      String arch,
      WorkspaceSources sources,
      GivenPath out,
      boolean force) {
    Derivation derived = derive(check, profile, arch, sources, false);
    if (derived.files() == null) {
      return Outcome.failed(derived.error(), derived.diagnostics());
    }
    try {
      String refusal = WorkspaceWriter.refusal(out.path(), out.shown(), force);
      if (refusal != null) {
        return Outcome.failed(refusal, derived.diagnostics());
      }
      WorkspaceWriter.write(out.path(), derived.files().files());
    } catch (IOException e) {
      return Outcome.failed(
          "cannot write " + out.shown() + ": " + e.getMessage(), derived.diagnostics());
    }
    ImagePlan plan = derived.files().plan();
    List<WorkspaceFile> files = derived.files().files();
    ObjectNode workspaceReport = ImageWorkspace.report(plan, out.shown(), files, hasher);
    if (sources.kitUsed()) {
      // Upstream's report, byte for byte, when the operator gave every input; else where each
      // came from.
      workspaceReport = workspaceReport.with("inputs", BuildReport.origins(sources.origins()));
    }
    String report = JsonPrinter.pretty().printLine(workspaceReport);
    return Outcome.of(
        new TextReport(
            report,
            TextReport.lines(
                List.of(
                    "profile: " + plan.profile().reference(),
                    "workspace: " + PythonPath.normalize(out.shown()),
                    "package contract: " + plan.packageContractHash(),
                    "arches: " + String.join(", ", plan.arches()),
                    "files: " + files.size()))),
        derived.diagnostics());
  }

  /**
   * {@code image build}: derives the workspace, writes it to {@code workspaceDir} (a temporary
   * folder removed afterwards when null), lints it, and builds from the in-memory files.
   */
  public Outcome<BuiltImage> build(
      ProfileCheck check,
      GivenPath profile,
      String arch,
      WorkspaceSources sources,
      GivenPath workspaceDir,
      boolean force,
      BuildSettings settings,
      BuildProgress progress) {
    Derivation derived = derive(check, profile, arch, sources, true);
    if (derived.files() == null) {
      return Outcome.failed(derived.error(), derived.diagnostics());
    }
    List<Diagnostic> diagnostics = new ArrayList<>(derived.diagnostics());
    GivenPath workspace = workspaceDir;
    boolean temporary = workspace == null;
    try {
      if (temporary) {
        Path dir = Files.createTempDirectory("capsem-profile-image-");
        workspace = new GivenPath(dir, dir.toString());
      } else {
        String refusal = WorkspaceWriter.refusal(workspace.path(), workspace.shown(), force);
        if (refusal != null) {
          return Outcome.failed(refusal, diagnostics);
        }
      }
      return build(derived.files(), workspace, settings, progress, diagnostics, sources.origins());
    } catch (IOException e) {
      return Outcome.failed("cannot write the build workspace: " + e.getMessage(), diagnostics);
    } finally {
      if (temporary && workspace != null) {
        BuildFiles.deleteTree(workspace.path());
      }
    }
  }

  private Outcome<BuiltImage> build(
      DerivedFiles derived,
      GivenPath workspace,
      BuildSettings settings,
      BuildProgress progress,
      List<Diagnostic> diagnostics,
      Map<String, String> origins)
      throws IOException {
    ImagePlan plan = derived.plan();
    WorkspaceWriter.write(workspace.path(), derived.files());
    WorkspaceLint lint =
        WorkspaceLinter.lint(
            workspace.path(),
            workspace.shown(),
            workspace.path().resolve("artifacts"),
            workspace.resolve("artifacts").shown());
    boolean profileSaidW001 = diagnostics.stream().anyMatch(d -> d.code() == Code.W001);
    for (Diagnostic d : lint.diagnostics()) {
      if (d.code() == Code.W001 && profileSaidW001) {
        continue; // the profile's own W001 already says it, at the line the user edits
      }
      diagnostics.add(d.file() == null ? d : d.inFile(workspace.resolve(d.file()).shown()));
    }
    if (!lint.ok()) {
      return Outcome.failed(
          "the build workspace " + PythonPath.normalize(workspace.shown()) + " is invalid",
          diagnostics);
    }
    GuestConfigs.Loaded loaded = GuestConfigs.load(inMemory(derived.files()));
    if (loaded.config() == null) {
      diagnostics.addAll(loaded.diagnostics());
      return Outcome.failed(
          "the build workspace " + PythonPath.normalize(workspace.shown()) + " does not load",
          diagnostics);
    }
    BuildOutcome outcome =
        new ImageBuilder(
                runtime,
                downloads,
                hasher,
                clock,
                AssetReleaseWriter.checksumsAndManifest(hasher),
                runtimeFix,
                codecs)
            .run(plan, new DerivedWorkspace(derived.files(), loaded.config()), settings, progress);
    diagnostics.addAll(outcome.diagnostics());
    if (!outcome.ok()) {
      return Outcome.failed("image build failed", diagnostics);
    }
    List<Diagnostic> sorted = new ArrayList<>(diagnostics);
    sorted.sort(DiagnosticText.SEVERITY_THEN_CODE);
    String report =
        JsonPrinter.pretty()
            .printLine(
                BuildReport.of(
                    settings,
                    plan,
                    ImageWorkspace.report(plan, workspace.shown(), derived.files(), hasher),
                    sorted,
                    outcome,
                    origins));
    return Outcome.of(
        new BuiltImage(
            report, TextReport.lines(BuildReport.lines(settings, plan, outcome, origins)), outcome),
        diagnostics);
  }

  private static List<GuestConfigs.InMemory> inMemory(List<WorkspaceFile> files) {
    List<GuestConfigs.InMemory> config = new ArrayList<>();
    for (WorkspaceFile file : files) {
      config.add(new GuestConfigs.InMemory(file.path(), file.tree(), file.content()));
    }
    return config;
  }
}

package dev.capsem.core.internal.image;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.JsonDialect;
import dev.capsem.core.internal.json.JsonReader;
import dev.capsem.core.internal.json.JsonSyntaxException;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.workspace.GuestConfig;
import dev.capsem.core.internal.workspace.GuestConfig.ArchConfig;
import dev.capsem.core.ports.BuildProgress;
import dev.capsem.core.ports.ContainerCommand;
import dev.capsem.core.ports.ContainerRuntime;
import dev.capsem.core.ports.ContainerRuntimeException;
import dev.capsem.core.ports.Downloader;
import dev.capsem.core.ports.Hasher;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs an image build from a loaded workspace: per architecture the kernel, the initrd and the
 * rootfs, each through the container runtime, then the checksums and the release manifest. A dry
 * run walks the same steps and records every container command instead of running it.
 *
 * <p>Nothing that looks like a finished asset appears before it is finished: every step works in a
 * hidden folder of the output and moves its results into place only when they are complete, and the
 * assets a build replaces (and the old manifest) are removed before its first command.
 */
public final class ImageBuild {

  static final String WORK_DIR = ".capsem-work";

  /** The files each step places in the arch folder. */
  static final Map<String, List<String>> STEP_OUTPUTS =
      Map.of(
          "kernel",
          List.of("vmlinuz"),
          "initrd",
          List.of("initrd.img"),
          "rootfs",
          List.of("rootfs.squashfs", "tool-versions.txt", "image-inventory.json"));

  /**
   * Every stage of our Dockerfiles carries it, so that our leftover stages can be told apart
   * ({@code docker image prune --filter label=dev.capsem.image-build}).
   */
  static final String IMAGE_LABEL = "dev.capsem.image-build";

  /**
   * The build argument whose value each stage's last instruction puts in {@link #IMAGE_LABEL}:
   * every layer before that label stays shared in the engine's cache, only the last differs per
   * build.
   */
  static final String BUILD_ID_ARG = "CAPSEM_BUILD_ID";

  static final String MEMORY_HINT =
      "container runtime VM out of memory (exit 137) or SIGTERM mid-build (exit 143) — the cold"
          + " build needs more than 12GB; bump Colima to 16GB: colima stop && colima start --vm-type"
          + " vz --vz-rosetta --memory 16 --cpu 8";
  static final String FALLBACK_KERNEL = "6.6.127";
  private static final Pattern RELEASE = Pattern.compile("\\d+\\.\\d+\\.\\d+");

  /** A build step killed by the OOM killer or SIGTERM inside {@code docker build}. */
  private static final Pattern KILLED =
      Pattern.compile("(?:non-zero code|exit code|exit status):? (?:137|143)\\b");

  private static final Pattern VERSION_IN_NAME = Pattern.compile("(\\d+\\.\\d+(?:\\.\\d+)?)");

  /** A container command a dry run would run, and for which step. */
  public record PlannedCommand(String arch, String step, List<String> commandLine) {
    public PlannedCommand {
      commandLine = List.copyOf(commandLine);
    }
  }

  /** The kernel source a build used (decision D12): version, where from, SHA-256. */
  public record KernelUsed(String version, String source, String sha256) {}

  /** One produced asset file. */
  public record BuiltAsset(String arch, String name, String path, long size, String hash) {}

  /**
   * One step of one architecture and whether it ran or kept the files of the last build.
   *
   * @param inputsHash the hash of the step's inputs, or null when they could not all be read
   */
  public record StepDone(String arch, String step, boolean reused, String inputsHash) {}

  /** What a build did, or why it stopped. */
  public record Outcome(
      List<Diagnostic> diagnostics,
      List<PlannedCommand> commands,
      KernelUsed kernel,
      List<BuiltAsset> assets,
      AssetReleaseWriter.Release release,
      List<StepDone> steps) {
    public Outcome {
      diagnostics = List.copyOf(diagnostics);
      commands = List.copyOf(commands);
      assets = List.copyOf(assets);
      steps = List.copyOf(steps);
    }

    /** True when a real build ran no container command: every step kept its files. */
    public boolean noContainerWork() {
      return !steps.isEmpty() && steps.stream().allMatch(StepDone::reused);
    }

    public boolean ok() {
      return diagnostics.stream().noneMatch(Diagnostic::isError);
    }
  }

  /** Stops the build with one or more findings. */
  private static final class Stop extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Diagnostic> diagnostics;

    Stop(List<Diagnostic> diagnostics) {
      super(diagnostics.get(0).message(), null, false, false);
      this.diagnostics = List.copyOf(diagnostics);
    }

    Stop(Diagnostic diagnostic) {
      this(List.of(diagnostic));
    }
  }

  private record ResolvedKernel(
      String version, String source, URI url, Path tarball, String contextName) {}

  private final ContainerRuntime runtime;
  private final Downloader downloads;
  private final Hasher hasher;
  private final Clock clock;
  private final BuildProgress progress;
  private final AssetReleaseWriter releases;
  private final String runtimeFix;

  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final List<PlannedCommand> commands = new ArrayList<>();
  private final List<BuiltAsset> assets = new ArrayList<>();
  private final Map<String, BuildRecord> records = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> inputs = new LinkedHashMap<>();
  private final java.util.Set<String> reused = new java.util.HashSet<>();
  private final List<StepDone> stepsDone = new ArrayList<>();
  private final Map<String, String> baseImageIds = new LinkedHashMap<>();
  private KernelUsed kernelUsed;

  /** Tags and labels this build's images, so that parallel builds never share an image. */
  private String buildId;

  private ImagePlan plan;
  private GuestConfig config;
  private Path workspace;
  private BuildSettings settings;
  private long epoch;

  /**
   * @param runtimeFix how to install the runtime on this host ({@code sudo apt install docker.io})
   */
  public ImageBuild(
      ContainerRuntime runtime,
      Downloader downloads,
      Hasher hasher,
      Clock clock,
      BuildProgress progress,
      AssetReleaseWriter releases,
      String runtimeFix) {
    this.runtime = runtime;
    this.downloads = downloads;
    this.hasher = hasher;
    this.clock = clock;
    this.progress = progress;
    this.releases = releases;
    this.runtimeFix = runtimeFix;
  }

  /**
   * Builds (or, in a dry run, plans) {@code plan} from the loaded workspace at {@code workspace}.
   *
   * <p>A step (kernel, initrd, rootfs) whose inputs are those of the last build into the same
   * output folder is not run again: its files are kept once their sizes and hashes match the build
   * record. {@link BuildSettings#noCache()} rebuilds every step.
   */
  public Outcome run(ImagePlan plan, GuestConfig config, Path workspace, BuildSettings settings) {
    this.plan = plan;
    this.config = config;
    this.workspace = workspace;
    this.settings = settings;
    this.epoch = clock.instant().getEpochSecond();
    this.buildId =
        hasher
            .hex(
                settings
                    .outDir()
                    .path()
                    .toAbsolutePath()
                    .normalize()
                    .toString()
                    .getBytes(StandardCharsets.UTF_8))
            .substring(0, 12);
    Path work = settings.outDir().path().resolve(WORK_DIR);
    try {
      checkInputs();
      boolean containerWork = true;
      if (!settings.dryRun()) {
        containerWork = decideReuse();
        if (containerWork) {
          checkRuntime();
        } else {
          progress.note("no container work: the inputs of every step are unchanged");
        }
      }
      String previousManifest = settings.dryRun() ? null : clearReplacedAssets(containerWork);
      for (String arch : plan.arches()) {
        ArchConfig archConfig = config.build().architectures().get(arch);
        for (String step : steps()) {
          if (reused.contains(arch + "/" + step)) {
            reuse(arch, step);
            continue;
          }
          switch (step) {
            case "kernel" -> kernel(arch, archConfig);
            case "initrd" -> initrd(arch, archConfig);
            default -> rootfs(arch, archConfig);
          }
          if (!settings.dryRun()) {
            record(arch, step);
          }
        }
      }
      AssetReleaseWriter.Release release = null;
      if (!settings.dryRun()) {
        LocalDate today = LocalDate.now(clock);
        if (!containerWork) {
          release = releases.unchanged(settings.outDir().path(), today, settings.binaryVersion());
          if (release != null) {
            progress.note("checksums and manifest unchanged");
          }
        }
        if (release == null) {
          try (BuildProgress.Step step = progress.begin("checksums and manifest")) {
            release =
                releases.write(
                    settings.outDir().path(), today, settings.binaryVersion(), previousManifest);
            step.succeeded();
          }
        }
      }
      return new Outcome(diagnostics, commands, kernelUsed, assets, release, stepsDone);
    } catch (Stop stop) {
      diagnostics.addAll(stop.diagnostics);
      return new Outcome(diagnostics, commands, kernelUsed, List.of(), null, List.of());
    } catch (IOException e) {
      diagnostics.add(error(Code.E307, "cannot write the build's files: " + e.getMessage()));
      return new Outcome(diagnostics, commands, kernelUsed, List.of(), null, List.of());
    } finally {
      if (!settings.dryRun()) {
        deleteTree(work);
      }
    }
  }

  /** The steps the template runs, in build order. */
  private List<String> steps() {
    List<String> steps = new ArrayList<>();
    if (settings.template().compilesKernel()) {
      steps.add("kernel");
    }
    if (settings.template().packsInitrd()) {
      steps.add("initrd");
    }
    if (settings.template().buildsRootfs()) {
      steps.add("rootfs");
    }
    return steps;
  }

  // Incremental builds.

  /**
   * Computes every step's inputs and decides which steps can keep their files; returns whether any
   * step must run in containers.
   */
  private boolean decideReuse() throws IOException {
    if (settings.noCache()) {
      progress.note("noCache: every step is rebuilt, without the engine's layer cache");
    }
    boolean containerWork = false;
    for (String arch : plan.arches()) {
      ArchConfig archConfig = config.build().architectures().get(arch);
      BuildRecord record = BuildRecord.read(archPath(arch), arch);
      records.put(arch, record);
      for (String step : steps()) {
        Map<String, String> now = stepInputs(arch, archConfig, step);
        inputs.put(arch + "/" + step, now);
        BuildRecord.StepRecord previous = record.steps().get(step);
        String why = settings.noCache() ? "" : reuseProblem(arch, step, previous, now);
        if (why == null) {
          reused.add(arch + "/" + step);
        } else {
          containerWork = true;
          if (!why.isEmpty()) {
            progress.note(arch + " " + step + ": " + why + "; rebuilding");
          }
        }
      }
    }
    return containerWork;
  }

  /**
   * Why the previous files of a step cannot stand: empty when there is no previous build, a reason
   * when its inputs or files changed, null when they can be kept.
   */
  private String reuseProblem(
      String arch, String step, BuildRecord.StepRecord previous, Map<String, String> now)
      throws IOException {
    if (previous == null) {
      return "";
    }
    if (now == null) {
      return "the base image "
          + config.build().architectures().get(arch).baseImage()
          + " is not on the engine, so its id is unknown";
    }
    List<String> changed = previous.changedInputs(now);
    if (!changed.isEmpty()) {
      return "inputs changed (" + String.join(", ", changed) + ")";
    }
    for (Map.Entry<String, BuildRecord.Output> output : previous.outputs().entrySet()) {
      Path file = archPath(arch).resolve(output.getKey());
      if (!Files.isRegularFile(file)) {
        return output.getKey() + " is missing";
      }
      if (Files.size(file) != output.getValue().size()
          || !hasher.hexOfFile(file).equals(output.getValue().hash())) {
        return output.getKey() + " does not have the bytes the last build placed";
      }
    }
    return null;
  }

  /** Keeps a step's files, after {@link #reuseProblem} checked their hashes. */
  private void reuse(String arch, String step) throws IOException {
    BuildRecord.StepRecord previous = records.get(arch).steps().get(step);
    List<String> names = new ArrayList<>();
    for (Map.Entry<String, BuildRecord.Output> output : previous.outputs().entrySet()) {
      String name = output.getKey();
      if (ChecksumsAndManifest.ASSET_NAMES.contains(name)) {
        names.add(name);
        assets.add(
            new BuiltAsset(
                arch,
                name,
                settings.outDir().resolve(arch + "/" + name).shown(),
                output.getValue().size(),
                output.getValue().hash()));
      }
    }
    if (previous.kernel() != null) {
      kernelUsed = previous.kernel();
    }
    String inputsHash = inputsHash(inputs.get(arch + "/" + step));
    progress.note(
        arch
            + " "
            + step
            + " unchanged (inputs "
            + inputsHash.substring(0, 16)
            + "): kept "
            + String.join(", ", names)
            + " after checking "
            + (names.size() == 1 ? "its hash" : "their hashes"));
    stepsDone.add(new StepDone(arch, step, true, inputsHash));
  }

  /** Records what a step that just ran used and placed. */
  private void record(String arch, String step) throws IOException {
    Map<String, String> used = inputs.get(arch + "/" + step);
    String inputsHash = used == null ? null : inputsHash(used);
    stepsDone.add(new StepDone(arch, step, false, inputsHash));
    if (used == null) {
      return; // the base image id was unknown: nothing this build could be reused for
    }
    Map<String, BuildRecord.Output> outputs = new LinkedHashMap<>();
    for (String name : STEP_OUTPUTS.get(step)) {
      Path file = archPath(arch).resolve(name);
      if (Files.isRegularFile(file)) {
        outputs.put(name, new BuildRecord.Output(Files.size(file), hasher.hexOfFile(file)));
      }
    }
    BuildRecord record =
        records
            .getOrDefault(arch, BuildRecord.empty(arch))
            .with(
                step,
                new BuildRecord.StepRecord(
                    used, outputs, step.equals("kernel") ? kernelUsed : null));
    records.put(arch, record);
    record.write(archPath(arch));
  }

  private String inputsHash(Map<String, String> used) {
    StringBuilder text = new StringBuilder();
    used.forEach((key, value) -> text.append(key).append('\0').append(value).append('\n'));
    return hasher.hex(text.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Everything a step's result depends on: the builder, the time source, the platform and base
   * image id, the rendered Dockerfile and every file of its build context; null when the base image
   * id cannot be read (the engine does not have it, or does not answer).
   */
  private Map<String, String> stepInputs(String arch, ArchConfig archConfig, String step)
      throws IOException {
    String baseId = baseImageId(archConfig.baseImage());
    if (baseId == null) {
      return null;
    }
    Map<String, String> used = new LinkedHashMap<>();
    used.put("builder", BuilderVersion.VALUE);
    used.put("epoch", Long.toString(epoch));
    used.put("platform", archConfig.dockerPlatform());
    used.put("base_image", archConfig.baseImage() + "@" + baseId);
    switch (step) {
      case "kernel" -> {
        ResolvedKernel source = resolveKernel(archConfig);
        KernelRecipe recipe = new KernelRecipe(arch, archConfig, source.contextName(), epoch);
        used.put("Dockerfile", hasher.hex(utf8(recipe.dockerfile())));
        used.put("KERNEL_VERSION", source.version());
        used.put(
            recipe.defconfigInContext(),
            hasher.hexOfFile(workspace.resolve("config").resolve(recipe.defconfigInContext())));
        used.put(
            "kernel_source",
            source.tarball() != null
                ? hasher.hexOfFile(source.tarball())
                : source.url() + " sha256:" + settings.kernelSource().sha256());
      }
      case "initrd" -> {
        used.put(
            "Dockerfile",
            hasher.hex(
                utf8(
                    ToolImages.busyboxDockerfile(
                        archConfig.dockerPlatform(), archConfig.baseImage()))));
        used.put("capsem-init", hasher.hexOfFile(workspace.resolve("artifacts/capsem-init")));
      }
      default -> {
        boolean agents = !settings.guestBinaries().omitted();
        RootfsRecipe recipe =
            new RootfsRecipe(config, archConfig, settings.sources(), agents, epoch);
        used.put("package_contract", plan.packageContractHash());
        used.put("Dockerfile", hasher.hex(utf8(recipe.dockerfile())));
        for (ContextFile file : rootfsContext(arch)) {
          if (Files.isDirectory(file.source())) {
            try (Stream<Path> walk = Files.walk(file.source())) {
              for (Path each : walk.filter(Files::isRegularFile).sorted().toList()) {
                used.put(
                    file.name()
                        + "/"
                        + file.source().relativize(each).toString().replace('\\', '/'),
                    hasher.hexOfFile(each));
              }
            }
          } else {
            used.put(file.name(), hasher.hexOfFile(file.source()));
          }
        }
        used.put(
            "squashfs",
            hasher.hex(
                utf8(
                    ToolImages.assetToolsDockerfile(archConfig.baseImage())
                        + ToolImages.squashfsScript(
                            config.build().compression(),
                            config.build().compressionLevel(),
                            epoch))));
        used.put(
            "probes",
            hasher.hex(
                utf8(
                    GuestProbes.toolVersionsScript(config)
                        + GuestProbes.INVENTORY_SCRIPT
                        + GuestProbes.inventoryConfig(config, recipe.npmPrefix()))));
      }
    }
    return used;
  }

  private String baseImageId(String image) {
    if (!baseImageIds.containsKey(image)) {
      String id;
      try {
        id = runtime.execute(new ContainerCommand.InspectImage(image)).strip();
      } catch (ContainerRuntimeException e) {
        id = null;
      }
      baseImageIds.put(image, id == null || id.isEmpty() ? null : id);
    }
    return baseImageIds.get(image);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  // Checks before anything runs: every input problem at once.

  private void checkInputs() {
    List<Diagnostic> problems = new ArrayList<>();
    ImageTemplate template = settings.template();
    if (template.buildsRootfs()) {
      GuestBinaries binaries = settings.guestBinaries();
      if (binaries.omitted()) {
        diagnostics.add(
            new Diagnostic(
                Code.W017, null, "", null, "guest agent binaries omitted by configuration"));
      } else {
        for (String arch : plan.arches()) {
          for (String name : GuestBinaries.NAMES) {
            Path binary = binaries.dir().path().resolve(arch).resolve(name);
            if (!nonEmptyFile(binary)) {
              problems.add(
                  new Diagnostic(
                      Code.E303,
                      binaries.dir().resolve(arch + "/" + name).shown(),
                      "",
                      null,
                      "Missing guest agent binary for "
                          + arch
                          + ": "
                          + name
                          + " (expected in "
                          + binaries.dir().shown()
                          + ")"));
            }
          }
        }
      }
      for (String arch : plan.arches()) {
        RootfsRecipe recipe =
            new RootfsRecipe(
                config, config.build().architectures().get(arch), settings.sources(), true, epoch);
        String problem = recipe.sourceProblem();
        if (problem != null) {
          problems.add(error(Code.E310, problem));
          break;
        }
      }
      for (GivenPath input :
          new GivenPath[] {settings.sources().pythonWheels(), settings.sources().buildCa()}) {
        if (input != null && !Files.exists(input.path())) {
          problems.add(
              new Diagnostic(
                  Code.E016, input.shown(), "", null, "Missing required file: " + input.shown()));
        }
      }
    }
    if (template.compilesKernel()) {
      KernelSource source = settings.kernelSource();
      if (source.tarball() != null && !Files.isRegularFile(source.tarball().path())) {
        problems.add(
            new Diagnostic(
                Code.E308,
                source.tarball().shown(),
                "",
                null,
                "kernel source tarball not found: " + source.tarball().shown()));
      } else if (source.tarball() == null && source.sha256() == null && !settings.dryRun()) {
        problems.add(
            error(
                Code.E308,
                "kernel source not verified: pass --kernel-sha256 for "
                    + (source.url() != null ? source.url() : "the kernel.org tarball")
                    + ", or --kernel-source with a local tarball"));
      }
    }
    if (!problems.isEmpty()) {
      throw new Stop(problems);
    }
  }

  private void checkRuntime() {
    String described;
    try (BuildProgress.Step step = progress.begin("container runtime")) {
      described = runtime.probe();
      step.succeeded();
    } catch (ContainerRuntimeException e) {
      throw new Stop(runtimeFailure(e));
    }
    progress.note("container runtime: " + described);
    List<Diagnostic> problems = new ArrayList<>();
    for (String arch : plan.arches()) {
      String platform = config.build().architectures().get(arch).dockerPlatform();
      Optional<String> problem = runtime.platformProblem(platform);
      problem.ifPresent(p -> problems.add(error(Code.E309, p)));
    }
    if (!problems.isEmpty()) {
      throw new Stop(problems);
    }
  }

  /**
   * Removes what this build replaces, so that a failure cannot leave an old asset next to new ones
   * under a stale manifest; returns the old manifest, which only numbers the next release.
   */
  private String clearReplacedAssets(boolean containerWork) throws IOException {
    Path out = settings.outDir().path();
    Files.createDirectories(out);
    String previous = null;
    Path manifest = out.resolve("manifest.json");
    if (Files.isRegularFile(manifest)) {
      previous = Files.readString(manifest, StandardCharsets.UTF_8);
    }
    if (!containerWork) {
      return previous; // nothing is replaced; the epilogue checks the checksums and manifest
    }
    Files.deleteIfExists(manifest);
    Files.deleteIfExists(out.resolve("B3SUMS"));
    for (String arch : plan.arches()) {
      Path dir = out.resolve(arch);
      BuildRecord record = records.getOrDefault(arch, BuildRecord.read(dir, arch));
      for (String step : steps()) {
        if (reused.contains(arch + "/" + step)) {
          continue;
        }
        record = record.without(step);
        for (String name : STEP_OUTPUTS.get(step)) {
          Files.deleteIfExists(dir.resolve(name));
        }
      }
      records.put(arch, record);
      if (Files.isDirectory(dir)) {
        record.write(dir);
      }
    }
    deleteTree(out.resolve(WORK_DIR));
    return previous;
  }

  // The kernel.

  private void kernel(String arch, ArchConfig archConfig) throws IOException {
    try (BuildProgress.Step step = progress.begin(arch + " kernel")) {
      Path context = workDir(arch, "kernel");
      ResolvedKernel source = resolveKernel(archConfig);
      KernelRecipe recipe = new KernelRecipe(arch, archConfig, source.contextName(), epoch);
      String sha256 = null;
      if (!settings.dryRun()) {
        Path tarball = context.resolve(source.contextName());
        if (source.tarball() != null) {
          linkOrCopy(source.tarball(), tarball);
        } else {
          download(source.url(), tarball);
        }
        sha256 = sha256(tarball);
        String expected = settings.kernelSource().sha256();
        if (expected != null && !expected.equals(sha256)) {
          throw new Stop(
              error(
                  Code.E305,
                  "kernel source sha256 mismatch: expected " + expected + ", got " + sha256));
        }
        writeString(context.resolve("Dockerfile"), recipe.dockerfile());
        Path defconfig = context.resolve(recipe.defconfigInContext());
        Files.createDirectories(defconfig.getParent());
        Files.copy(
            workspace.resolve("config").resolve(recipe.defconfigInContext()),
            defconfig,
            StandardCopyOption.REPLACE_EXISTING);
      }
      String tag = tag("kernel", arch);
      Map<String, String> args = new LinkedHashMap<>();
      args.put("KERNEL_VERSION", source.version());
      try {
        execute(
            arch,
            "kernel",
            new ContainerCommand.Build(
                archConfig.dockerPlatform(), tag, context, buildIdArg(args), settings.noCache()));
        extract(
            arch,
            "kernel",
            archConfig.dockerPlatform(),
            tag,
            List.of(
                Map.entry("/vmlinuz", context.resolve("vmlinuz")),
                Map.entry("/kernel.release", context.resolve("kernel.release"))));
      } finally {
        removeImage(arch, "kernel", tag);
      }
      if (!settings.dryRun()) {
        String version =
            Files.readString(context.resolve("kernel.release"), StandardCharsets.UTF_8).strip();
        kernelUsed =
            new KernelUsed(version.isEmpty() ? source.version() : version, source.source(), sha256);
        place(context.resolve("vmlinuz"), arch, "vmlinuz");
      }
      step.succeeded();
    }
  }

  private ResolvedKernel resolveKernel(ArchConfig archConfig) {
    KernelSource source = settings.kernelSource();
    if (source.tarball() != null) {
      String name = source.tarball().path().getFileName().toString();
      Matcher version = VERSION_IN_NAME.matcher(name);
      return new ResolvedKernel(
          version.find() ? version.group(1) : "unknown",
          source.tarball().shown(),
          null,
          source.tarball().path(),
          "linux-source" + tarExtension(name));
    }
    if (source.url() != null) {
      String name = source.url().getPath();
      name = name.substring(name.lastIndexOf('/') + 1);
      Matcher version = VERSION_IN_NAME.matcher(name);
      return new ResolvedKernel(
          source.version() != null
              ? source.version()
              : version.find() ? version.group(1) : "unknown",
          source.url().toString(),
          source.url(),
          null,
          "linux-source" + tarExtension(name));
    }
    String version = source.version();
    if (version == null) {
      version = settings.dryRun() ? archConfig.kernelBranch() : latestLongterm(archConfig);
    }
    String major = version.contains(".") ? version.substring(0, version.indexOf('.')) : version;
    URI url =
        URI.create(
            "https://cdn.kernel.org/pub/linux/kernel/v"
                + major
                + ".x/linux-"
                + version
                + ".tar.xz");
    return new ResolvedKernel(version, url.toString(), url, null, "linux-source.tar.xz");
  }

  private static String tarExtension(String name) {
    for (String extension : List.of(".tar.xz", ".tar.gz", ".tgz", ".tar.bz2", ".tar")) {
      if (name.endsWith(extension)) {
        return extension;
      }
    }
    return ".tar";
  }

  /** Upstream's kernel.org lookup: newest long-term, non-EOL release of the branch. */
  private String latestLongterm(ArchConfig archConfig) {
    String branch = archConfig.kernelBranch();
    try {
      Node parsed =
          JsonReader.read(
              new String(
                  downloads.get(
                      URI.create("https://www.kernel.org/releases.json"), Duration.ofSeconds(10)),
                  StandardCharsets.UTF_8),
              JsonDialect.PYTHON);
      String best = null;
      if (parsed instanceof ObjectNode root && root.get("releases") instanceof ArrayNode list) {
        for (Node item : list.items()) {
          if (!(item instanceof ObjectNode release)
              || !"longterm".equals(release.string("moniker"))
              || Boolean.TRUE.equals(dev.capsem.core.internal.json.Nodes.bool(release, "iseol"))) {
            continue;
          }
          String version = release.string("version");
          if (version == null || !RELEASE.matcher(version).matches()) {
            continue;
          }
          if (!branch.equals("auto") && !version.startsWith(branch + ".")) {
            continue;
          }
          if (best == null || compareVersions(version, best) > 0) {
            best = version;
          }
        }
      }
      if (best != null) {
        return best;
      }
    } catch (IOException | JsonSyntaxException e) {
      progress.note("kernel.org release list unavailable (" + e.getMessage() + ")");
    }
    progress.note(
        "warning: no kernel release found for branch " + branch + "; using " + FALLBACK_KERNEL);
    return FALLBACK_KERNEL;
  }

  private static int compareVersions(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < 3; i++) {
      int c = Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i]));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  // The initrd.

  private void initrd(String arch, ArchConfig archConfig) throws IOException {
    try (BuildProgress.Step step = progress.begin(arch + " initrd")) {
      Path context = workDir(arch, "initrd");
      if (!settings.dryRun()) {
        writeString(
            context.resolve("Dockerfile"),
            ToolImages.busyboxDockerfile(archConfig.dockerPlatform(), archConfig.baseImage()));
      }
      String tag = tag("initrd", arch);
      try {
        execute(
            arch,
            "initrd",
            new ContainerCommand.Build(
                archConfig.dockerPlatform(),
                tag,
                context,
                buildIdArg(Map.of()),
                settings.noCache()));
        extract(
            arch,
            "initrd",
            archConfig.dockerPlatform(),
            tag,
            List.of(Map.entry("/bin/busybox", context.resolve("busybox"))));
      } finally {
        removeImage(arch, "initrd", tag);
      }
      if (!settings.dryRun()) {
        byte[] initrd =
            Initramfs.capsem(
                Files.readAllBytes(context.resolve("busybox")),
                Files.readAllBytes(workspace.resolve("artifacts/capsem-init")),
                epoch);
        Files.write(context.resolve("initrd.img"), initrd);
        place(context.resolve("initrd.img"), arch, "initrd.img");
      }
      step.succeeded();
    }
  }

  // The rootfs.

  private void rootfs(String arch, ArchConfig archConfig) throws IOException {
    try (BuildProgress.Step step = progress.begin(arch + " rootfs")) {
      Path context = workDir(arch, "rootfs");
      boolean agents = !settings.guestBinaries().omitted();
      RootfsRecipe recipe = new RootfsRecipe(config, archConfig, settings.sources(), agents, epoch);
      if (!settings.dryRun()) {
        prepareRootfsContext(arch, context, recipe);
      }
      String tag = tag("rootfs", arch);
      String platform = archConfig.dockerPlatform();
      Path tar = context.resolve("rootfs.tar");
      Path squashfs = context.resolve("rootfs.squashfs");
      String toolVersions;
      String inventory;
      try {
        execute(
            arch,
            "rootfs",
            new ContainerCommand.Build(
                platform, tag, context, buildIdArg(Map.of()), settings.noCache()));
        String container = create(arch, "rootfs", platform, tag, List.of("/bin/true"));
        try {
          execute(arch, "rootfs", new ContainerCommand.Export(container, tar));
        } finally {
          removeContainer(arch, "rootfs", container);
        }
        squashfs(arch, archConfig, tar, squashfs);
        toolVersions = toolVersions(arch, platform, tag);
        inventory = inventory(arch, platform, tag, recipe.npmPrefix());
      } finally {
        removeImage(arch, "rootfs", tag);
      }
      if (!settings.dryRun()) {
        Path dir = archDir(arch);
        if (toolVersions != null) {
          ReadableFiles.writeString(dir.resolve("tool-versions.txt"), toolVersions);
        }
        ReadableFiles.writeString(dir.resolve("image-inventory.json"), inventory);
        place(squashfs, arch, "rootfs.squashfs");
      }
      step.succeeded();
    }
  }

  /**
   * A file or folder the rootfs build context holds, by its name there.
   *
   * @param agent a guest agent, copied read-only and executable
   */
  private record ContextFile(String name, Path source, boolean agent) {}

  /** Everything the rootfs Dockerfile copies, besides itself. */
  private List<ContextFile> rootfsContext(String arch) {
    List<ContextFile> files = new ArrayList<>();
    Path artifacts = workspace.resolve("artifacts");
    for (String name :
        List.of(
            "capsem-ca.crt",
            "capsem-bashrc",
            "banner.txt",
            "tips.txt",
            "capsem-doctor",
            "capsem-bench",
            "snapshots",
            "capsem_bench",
            "diagnostics")) {
      files.add(new ContextFile(name, artifacts.resolve(name), false));
    }
    if (!settings.guestBinaries().omitted()) {
      for (String name : GuestBinaries.NAMES) {
        files.add(
            new ContextFile(
                RootfsRecipe.CONTEXT_GUEST_BINARIES + "/" + name,
                settings.guestBinaries().dir().path().resolve(arch).resolve(name),
                true));
      }
    }
    PackageSources sources = settings.sources();
    if (sources.buildCa() != null) {
      files.add(new ContextFile(RootfsRecipe.CONTEXT_BUILD_CA, sources.buildCa().path(), false));
    }
    if (sources.pythonWheels() != null) {
      files.add(new ContextFile(RootfsRecipe.CONTEXT_WHEELS, sources.pythonWheels().path(), false));
    }
    return files;
  }

  private void prepareRootfsContext(String arch, Path context, RootfsRecipe recipe)
      throws IOException {
    writeString(context.resolve("Dockerfile"), recipe.dockerfile());
    for (ContextFile file : rootfsContext(arch)) {
      Path target = context.resolve(file.name());
      if (Files.isDirectory(file.source())) {
        copyTree(file.source(), target);
        continue;
      }
      Files.createDirectories(target.getParent());
      Files.copy(file.source(), target, StandardCopyOption.REPLACE_EXISTING);
      if (file.agent()) {
        setMode(target, "r-xr-xr-x");
      }
    }
  }

  /** The squashfs, written by mksquashfs in the asset-tools container (decision D16). */
  private void squashfs(String arch, ArchConfig archConfig, Path tar, Path squashfs)
      throws IOException {
    String tools = assetTools(arch, archConfig.baseImage());
    String script =
        ToolImages.squashfsScript(
            config.build().compression(), config.build().compressionLevel(), epoch);
    String container = create(arch, "squashfs", null, tools, List.of("bash", "-c", script));
    try {
      execute(arch, "squashfs", new ContainerCommand.CopyIn(tar, container, "/rootfs.tar"));
      if (!settings.dryRun()) {
        Files.deleteIfExists(tar);
      }
      execute(arch, "squashfs", new ContainerCommand.Start(container));
      execute(
          arch, "squashfs", new ContainerCommand.CopyOut(container, "/rootfs.squashfs", squashfs));
    } finally {
      removeContainer(arch, "squashfs", container);
    }
  }

  /** The asset-tools image, built once per recipe (its tag carries the recipe's hash). */
  private String assetTools(String arch, String baseImage) throws IOException {
    String dockerfile = ToolImages.assetToolsDockerfile(baseImage);
    String tag = ToolImages.assetToolsTag(hasher, baseImage);
    if (!settings.dryRun()) {
      try {
        runtime.execute(new ContainerCommand.InspectImage(tag));
        return tag;
      } catch (ContainerRuntimeException absent) {
        // Not built yet on this engine (an engine that does not answer fails the build next).
      }
    }
    Path context = workDir(arch, "asset-tools");
    if (!settings.dryRun()) {
      writeString(context.resolve("Dockerfile"), dockerfile);
    }
    execute(arch, "squashfs", new ContainerCommand.Build(null, tag, context, Map.of(), false));
    return tag;
  }

  private String toolVersions(String arch, String platform, String tag) {
    String script = GuestProbes.toolVersionsScript(config);
    if (script.isEmpty()) {
      return null;
    }
    String output =
        execute(
            arch,
            "tool versions",
            new ContainerCommand.Run(platform, tag, false, List.of("bash", "-c", script)));
    if (!settings.dryRun()) {
      List<String> missing = GuestProbes.missingAiVersions(output, config);
      if (!missing.isEmpty()) {
        throw new Stop(
            error(
                Code.E311,
                "Enabled AI CLIs returned N/A or empty version: "
                    + String.join(", ", missing)
                    + ". Check that the CLI installed correctly in the rootfs."));
      }
    }
    return output;
  }

  private String inventory(String arch, String platform, String tag, String npmPrefix) {
    String output =
        execute(
            arch,
            "inventory",
            new ContainerCommand.Run(
                platform,
                tag,
                false,
                List.of(
                    "python3",
                    "-c",
                    GuestProbes.INVENTORY_SCRIPT,
                    GuestProbes.inventoryConfig(config, npmPrefix))));
    if (settings.dryRun()) {
      return "";
    }
    try {
      return GuestProbes.inventoryDocument(output);
    } catch (IllegalArgumentException e) {
      throw new Stop(error(Code.E307, "image inventory for " + arch + ": " + e.getMessage()));
    }
  }

  // Container commands.

  /** Creates a container of {@code image}, copies {@code files} out of it, and removes it. */
  private void extract(
      String arch,
      String step,
      String platform,
      String image,
      List<Map.Entry<String, Path>> files) {
    String container = create(arch, step, platform, image, List.of("/bin/true"));
    try {
      for (Map.Entry<String, Path> file : files) {
        execute(
            arch, step, new ContainerCommand.CopyOut(container, file.getKey(), file.getValue()));
      }
    } finally {
      removeContainer(arch, step, container);
    }
  }

  private String create(
      String arch, String step, String platform, String image, List<String> command) {
    String id =
        execute(arch, step, new ContainerCommand.Create(platform, image, false, command)).strip();
    return settings.dryRun() ? "<" + step.replace(' ', '-') + "-container>" : id;
  }

  private void removeContainer(String arch, String step, String container) {
    try {
      execute(arch, step, new ContainerCommand.RemoveContainer(container));
    } catch (Stop ignored) {
      // Cleanup after another failure: that failure is the one to report.
    }
  }

  /**
   * Removes this build's tag. The build stages it left are kept on purpose: with the classic
   * builder they are the layer cache, and pruning them (which also drops their untagged parents)
   * would make every later build compile the kernel and install the packages again.
   */
  private void removeImage(String arch, String step, String image) {
    try {
      execute(arch, step, new ContainerCommand.RemoveImage(image));
    } catch (Stop ignored) {
      // As above: never hide the real failure behind a cleanup one.
    }
  }

  private String execute(String arch, String step, ContainerCommand command) {
    List<String> commandLine = runtime.commandLine(command);
    progress.command(commandLine);
    if (settings.dryRun()) {
      commands.add(new PlannedCommand(arch, step, commandLine));
      return "";
    }
    try {
      return runtime.execute(command);
    } catch (ContainerRuntimeException e) {
      throw new Stop(runtimeFailure(e));
    }
  }

  private Diagnostic runtimeFailure(ContainerRuntimeException e) {
    String tail =
        e.stderrTail().isBlank() ? "" : "\n  " + e.stderrTail().strip().replace("\n", "\n  ");
    return switch (e.kind()) {
      case NOT_FOUND ->
          error(
              Code.E306,
              "container runtime not found: " + e.getMessage() + "\n  fix: " + runtimeFix);
      case UNREACHABLE ->
          error(
              Code.E307,
              "container runtime not answering: "
                  + e.getMessage()
                  + tail
                  + "\n  fix: start the container engine (sudo systemctl start docker, or"
                  + " scripts/container-engine.sh), or point DOCKER_HOST at one that runs");
      case FAILED -> {
        String message =
            "Command '"
                + pythonList(e.commandLine())
                + "' returned non-zero exit status "
                + e.exitCode()
                + "."
                + tail;
        if (e.exitCode() == 137 || e.exitCode() == 143 || KILLED.matcher(e.stderrTail()).find()) {
          message += "\n  hint: " + MEMORY_HINT;
        }
        yield error(Code.E307, message);
      }
      case TIMED_OUT -> error(Code.E307, e.getMessage() + tail);
    };
  }

  /** Python's {@code repr} of an argument list, as upstream's error message shows it. */
  static String pythonList(List<String> commandLine) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < commandLine.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      String arg = commandLine.get(i);
      if (arg.contains("'") && !arg.contains("\"")) {
        out.append('"').append(arg.replace("\\", "\\\\").replace("\n", "\\n")).append('"');
      } else {
        out.append('\'')
            .append(arg.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n"))
            .append('\'');
      }
    }
    return out.append(']').toString();
  }

  // Files.

  private Path workDir(String arch, String step) throws IOException {
    Path dir = settings.outDir().path().resolve(WORK_DIR).resolve(arch + "-" + step);
    if (!settings.dryRun()) {
      deleteTree(dir);
      Files.createDirectories(dir);
    }
    return dir;
  }

  /** The last instructions of each stage: this build's id as its label. */
  static String buildLabel() {
    return "ARG " + BUILD_ID_ARG + "\nLABEL " + IMAGE_LABEL + "=${" + BUILD_ID_ARG + "}\n";
  }

  /** This build's tag for a step's image: {@code capsem-<step>-<arch>:<build id>}. */
  private String tag(String step, String arch) {
    return "capsem-" + step + "-" + arch + ":" + buildId;
  }

  private Map<String, String> buildIdArg(Map<String, String> args) {
    Map<String, String> all = new LinkedHashMap<>(args);
    all.put(BUILD_ID_ARG, buildId);
    return all;
  }

  private Path archPath(String arch) {
    return settings.outDir().path().resolve(arch);
  }

  private Path archDir(String arch) throws IOException {
    Path dir = settings.outDir().path().resolve(arch);
    Files.createDirectories(dir);
    return dir;
  }

  /** Moves a finished asset into place and records it. */
  private void place(Path finished, String arch, String name) throws IOException {
    Path target = archDir(arch).resolve(name);
    try {
      Files.move(
          finished, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (java.nio.file.AtomicMoveNotSupportedException e) {
      Files.move(finished, target, StandardCopyOption.REPLACE_EXISTING);
    }
    ReadableFiles.readable(target);
    String shown = settings.outDir().resolve(arch + "/" + name).shown();
    assets.add(new BuiltAsset(arch, name, shown, Files.size(target), hasher.hexOfFile(target)));
  }

  private void download(URI url, Path target) {
    try (BuildProgress.Step step = progress.begin("download " + url)) {
      downloads.download(url, target, Duration.ofMinutes(30));
      step.succeeded();
    } catch (IOException e) {
      throw new Stop(
          error(Code.E308, "cannot download the kernel source " + url + ": " + e.getMessage()));
    }
  }

  /** A hard link where the file system allows it: kernel tarballs are large. */
  private static void linkOrCopy(Path source, Path target) throws IOException {
    try {
      Files.createLink(target, source.toAbsolutePath());
    } catch (IOException | UnsupportedOperationException e) {
      Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static String sha256(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    byte[] buffer = new byte[1 << 20];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void writeString(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path source : walk.sorted().toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static void setMode(Path file, String mode) throws IOException {
    try {
      Files.setPosixFilePermissions(
          file, java.nio.file.attribute.PosixFilePermissions.fromString(mode));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: the Dockerfile sets modes inside the image anyway.
    }
  }

  private static boolean nonEmptyFile(Path file) {
    try {
      return Files.isRegularFile(file) && Files.size(file) > 0;
    } catch (IOException e) {
      return false;
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + dir, e);
    }
  }

  private static Diagnostic error(Code code, String message) {
    return new Diagnostic(code, null, "", null, message);
  }
}

package dev.capsem.core.internal.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.internal.image.rootfs.RootfsWriter;
import dev.capsem.core.internal.oci.PinnedImage;
import dev.capsem.core.internal.squashfs.Inode;
import dev.capsem.core.internal.squashfs.SquashfsImage;
import dev.capsem.core.ports.BuildProgress;
import dev.capsem.core.ports.ContainerCommand;
import dev.capsem.core.ports.ContainerRuntimeException.Kind;
import dev.capsem.core.ports.Downloader;
import dev.capsem.core.ports.SquashfsCodec;
import dev.capsem.core.testing.FakeBuildEngine;
import dev.capsem.core.testing.FakeContainerRuntime;
import dev.capsem.core.testing.FakeOciRegistry;
import dev.capsem.core.testing.GuestInputs;
import dev.capsem.core.testing.RunLengthCodec;
import dev.capsem.core.testing.Sha256Hasher;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build's logic against the fake runtime: steps, outputs, failures, dry runs. */
class ImageBuildTest {

  private static final Clock APRIL_21 =
      Clock.fixed(Instant.ofEpochSecond(1776729600L), ZoneOffset.UTC);
  private static final byte[] TARBALL = "linux-6.6.127 source".getBytes(StandardCharsets.UTF_8);

  @TempDir Path temp;
  private TestWorkspaces workspace;
  private FakeContainerRuntime runtime;

  /** The existing tests describe mksquashfs's way; the writer's own tests set CAPSEM. */
  private RootfsWriter writer = RootfsWriter.MKSQUASHFS;

  private List<SquashfsCodec> codecs = List.of(new RunLengthCodec(SquashfsCodec.ZSTD));
  private Path out;
  private Path tarball;
  private String tarballSha256;

  @BeforeEach
  void setUp() throws Exception {
    workspace =
        TestWorkspaces.of("config/profiles/base/coding.profile.toml", List.of("x86_64"), temp);
    out = temp.resolve("assets");
    tarball = Files.write(temp.resolve("linux-6.6.127.tar.xz"), TARBALL);
    tarballSha256 =
        java.util.HexFormat.of()
            .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(TARBALL));
    runtime =
        FakeBuildEngine.x86_64(
            "{\"schema\": \"capsem.package-hashes.v1\", \"apt\": {\"jq\": {\"version\":"
                + " \"1.6\", \"sha256\": \""
                + "e".repeat(64)
                + "\"}}, \"npm\": {}, \"notes\": []}\n");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private BuildSettings settings(ImageTemplate template, GuestBinaries binaries, boolean dryRun) {
    return new BuildSettings(
        template,
        new GivenPath(out, "assets"),
        binaries,
        new KernelSource(new GivenPath(tarball, "linux-6.6.127.tar.xz"), null, tarballSha256, null),
        PackageSources.upstream(),
        "1.0.1776688771",
        false,
        dryRun,
        writer);
  }

  private GuestBinaries binaries() {
    return GuestInputs.guestBinaries(temp.resolve("binaries"));
  }

  private BuildOutcome run(BuildSettings settings) {
    return run(settings, Downloader.none());
  }

  private BuildOutcome run(BuildSettings settings, Downloader downloads) {
    return run(settings, downloads, BuildProgress.silent());
  }

  private BuildOutcome run(BuildSettings settings, Downloader downloads, BuildProgress progress) {
    return new ImageBuilder(
            runtime,
            new FakeOciRegistry(),
            downloads,
            new Sha256Hasher(),
            APRIL_21,
            AssetReleaseWriter.checksumsAndManifest(new Sha256Hasher()),
            "sudo apt install docker.io",
            codecs)
        .run(workspace.plan(), workspace.derived(), settings, progress);
  }

  private List<String> filesUnder(Path dir) throws Exception {
    if (!Files.exists(dir)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> !Files.isDirectory(p))
          .map(p -> dir.relativize(p).toString())
          .sorted()
          .toList();
    }
  }

  private static Diagnostic only(BuildOutcome outcome) {
    assertThat(outcome.ok()).isFalse();
    assertThat(outcome.diagnostics()).filteredOn(Diagnostic::isError).hasSize(1);
    return outcome.diagnostics().stream().filter(Diagnostic::isError).findFirst().orElseThrow();
  }

  @Test
  void run_templateAll_placesEveryAssetThenChecksumsAndManifest() throws Exception {
    BuildOutcome outcome = run(settings(ImageTemplate.ALL, binaries(), false));

    assertThat(outcome.diagnostics()).isEmpty();
    assertThat(filesUnder(out))
        .containsExactly(
            "B3SUMS",
            "build.log",
            "manifest.json",
            "x86_64/build-record.json",
            "x86_64/image-inventory.json",
            "x86_64/initrd.img",
            "x86_64/package-hashes.json",
            "x86_64/rootfs.squashfs",
            "x86_64/tool-versions.txt",
            "x86_64/vmlinuz");
    String id = runtime.baseImageId("debian:bookworm-slim");
    assertThat(outcome.baseImages())
        .containsExactly(
            new BuildOutcome.BaseImage(
                "x86_64", new PinnedImage("debian:bookworm-slim", id, PinnedImage.ENGINE, id)));
    assertThat(out.resolve("x86_64/build-record.json"))
        .content()
        .contains("\"base_image\": \"debian:bookworm-slim@" + id + "\"")
        .contains("\"pinned\": \"" + id + "\"");
    assertThat(out.resolve("x86_64/package-hashes.json"))
        .content()
        .contains("\"jq\": {\n      \"version\": \"1.6\",\n      \"sha256\": \"" + "e".repeat(64));
    assertThat(out.resolve("B3SUMS"))
        .content()
        .matches(
            "(?s)[0-9a-f]{64}  x86_64/initrd.img\n[0-9a-f]{64}  x86_64/rootfs.squashfs\n"
                + "[0-9a-f]{64}  x86_64/vmlinuz\n");
    assertThat(out.resolve("manifest.json")).content().contains("\"current\": \"2026.0421.1\"");
    assertThat(Files.readSymbolicLink(out.resolve("current"))).isEqualTo(Path.of("x86_64"));
    assertThat(outcome.kernel())
        .isEqualTo(new BuildOutcome.KernelUsed("6.6.127", "linux-6.6.127.tar.xz", tarballSha256));
    assertThat(outcome.assets())
        .extracting(BuildOutcome.BuiltAsset::path)
        .containsExactly(
            "assets/x86_64/vmlinuz", "assets/x86_64/initrd.img", "assets/x86_64/rootfs.squashfs");
    assertThat(outcome.release().assetVersion()).isEqualTo("2026.0421.1");
    assertThat(runtime.containerIds()).as("containers left behind").isEmpty();
    assertThat(runtime.imageTags()).allMatch(tag -> tag.startsWith("capsem-asset-tools:"));
  }

  @Test
  void run_templateAll_givesTheKernelCompileAnEqualCpuShareAndEveryOtherBuildTheSpareOne()
      throws Exception {
    run(settings(ImageTemplate.ALL, binaries(), false));

    // The kernel compile is a first build's long pole: the rest takes the CPU it leaves.
    assertThat(runtime.executed())
        .filteredOn(ContainerCommand.Build.class::isInstance)
        .extracting(c -> (ContainerCommand.Build) c)
        .extracting(b -> b.tag().replaceAll("[:-][0-9a-f]{12}$", ""), b -> b.cpuShare())
        .contains(
            tuple("capsem-kernel-x86_64", ContainerCommand.CpuShare.EQUAL),
            tuple("capsem-initrd-x86_64", ContainerCommand.CpuShare.SPARE),
            tuple("capsem-rootfs-x86_64", ContainerCommand.CpuShare.SPARE))
        .filteredOn(t -> t.toList().get(1) == ContainerCommand.CpuShare.EQUAL)
        .hasSize(1);
  }

  @Test
  void run_initrd_isTheReproducibleCpioWithBusyboxAndCapsemInit() throws Exception {
    run(settings(ImageTemplate.INITRD, binaries(), false));

    List<InitramfsTest.Entry> entries =
        InitramfsTest.parse(Files.readAllBytes(out.resolve("x86_64/initrd.img")));
    assertThat(entries)
        .filteredOn(e -> e.name().equals("bin/busybox"))
        .singleElement()
        .satisfies(e -> assertThat(e.data()).isEqualTo(bytes("static busybox")));
    assertThat(entries)
        .filteredOn(e -> e.name().equals("init"))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.data())
                    .isEqualTo(
                        Files.readAllBytes(workspace.dir().resolve("artifacts/capsem-init"))));
  }

  @Test
  void run_dryRun_recordsEveryContainerCommandAndWritesNothing() throws Exception {
    BuildOutcome outcome = run(settings(ImageTemplate.ALL, binaries(), true));

    assertThat(outcome.ok()).isTrue();
    assertThat(runtime.executed()).isEmpty();
    assertThat(out).doesNotExist();
    assertThat(outcome.commands())
        .extracting(BuildOutcome.PlannedCommand::step)
        .containsSubsequence(
            "kernel", "initrd", "rootfs", "squashfs", "tool versions", "inventory");
    assertThat(outcome.commands())
        .extracting(c -> c.commandLine().get(1))
        .containsSubsequence("build", "create", "cp", "rm", "rmi", "build", "export", "start");
  }

  @Test
  void run_capsemWriter_writesTheRootfsFromTheExportStreamWithoutASecondContainer()
      throws Exception {
    writer = RootfsWriter.CAPSEM;

    BuildOutcome outcome = run(settings(ImageTemplate.ROOTFS, binaries(), false));

    assertThat(outcome.ok()).as("%s", outcome.diagnostics()).isTrue();
    try (FileChannel channel = FileChannel.open(out.resolve("x86_64/rootfs.squashfs"))) {
      SquashfsImage image = SquashfsImage.open(channel, codecs);
      Inode.File jq = (Inode.File) image.lookup("/usr/bin/jq").orElseThrow();
      assertThat(image.open(jq).readAllBytes()).isEqualTo(bytes("jq"));
      assertThat(image.mkfsTime()).isEqualTo(APRIL_21.instant().getEpochSecond());
      assertThat(image.blockSize()).isEqualTo(64 * 1024);
    }
    List<String> lines = runtime.executed().stream().map(ContainerCommand::toString).toList();
    assertThat(lines).anyMatch(line -> line.startsWith("Export["));
    assertThat(lines)
        .noneMatch(line -> line.contains("mksquashfs") || line.contains("rootfs.tar"))
        .noneMatch(line -> line.startsWith("CopyIn[") || line.startsWith("Start["));
  }

  @Test
  void run_capsemWriterDryRun_plansTheExportToStandardOutputAndNoSquashfsContainer() {
    writer = RootfsWriter.CAPSEM;

    BuildOutcome outcome = run(settings(ImageTemplate.ROOTFS, binaries(), true));

    assertThat(outcome.ok()).isTrue();
    assertThat(outcome.commands())
        .filteredOn(c -> c.step().equals("squashfs"))
        .singleElement()
        .satisfies(c -> assertThat(String.join(" ", c.commandLine())).contains("/dev/stdout"));
  }

  @Test
  void run_capsemWriterWithoutTheConfiguredCodec_isE532BeforeTheKernelIsBuilt() {
    writer = RootfsWriter.CAPSEM;
    codecs = List.of(new RunLengthCodec(SquashfsCodec.GZIP));

    Diagnostic error = only(run(settings(ImageTemplate.ALL, binaries(), false)));

    assertThat(error.code()).isEqualTo(Code.E532);
    assertThat(error.message())
        .isEqualTo(
            "the capsem squashfs writer cannot write zstd at level 15: use zstd"
                + " (build.compression) or --squashfs-writer mksquashfs");
    assertThat(runtime.executed()).noneMatch(c -> c instanceof ContainerCommand.Build);
  }

  @Test
  void run_otherSquashfsWriterThanLastBuild_rebuildsTheRootfs() throws Exception {
    writer = RootfsWriter.CAPSEM;
    assertThat(run(settings(ImageTemplate.ROOTFS, binaries(), false)).ok()).isTrue();
    int commandsBefore = runtime.executed().size();
    writer = RootfsWriter.MKSQUASHFS;

    BuildOutcome second = run(settings(ImageTemplate.ROOTFS, binaries(), false));

    assertThat(second.ok()).as("%s", second.diagnostics()).isTrue();
    assertThat(runtime.executed().subList(commandsBefore, runtime.executed().size()))
        .anyMatch(c -> String.join(" ", runtime.commandLine(c)).contains("mksquashfs"));
  }

  @Test
  void run_runtimeNotInstalled_isE306WithTheInstallFix() throws Exception {
    runtime.probeFails(Kind.NOT_FOUND);

    Diagnostic error = only(run(settings(ImageTemplate.ALL, binaries(), false)));

    assertThat(error.code()).isEqualTo(Code.E306);
    assertThat(error.message())
        .startsWith("container runtime not found: fake not found on PATH")
        .endsWith("\n  fix: sudo apt install docker.io");
    assertThat(out).doesNotExist();
  }

  @Test
  void run_engineNotAnswering_isE307SayingSo() {
    runtime.probeFails(Kind.UNREACHABLE);

    Diagnostic error = only(run(settings(ImageTemplate.ALL, binaries(), false)));

    assertThat(error.code()).isEqualTo(Code.E307);
    assertThat(error.message())
        .startsWith("container runtime not answering: the fake engine is down")
        .contains("Cannot connect to the fake daemon")
        .contains("DOCKER_HOST");
  }

  @Test
  void run_failingRunStep_isE307AndLeavesNoAssetThatLooksComplete() throws Exception {
    Files.createDirectories(out.resolve("x86_64"));
    Files.writeString(out.resolve("x86_64/rootfs.squashfs"), "from an earlier build");
    Files.writeString(out.resolve("manifest.json"), "{\"format\": 2}");
    Files.writeString(out.resolve("B3SUMS"), "old\n");
    runtime.fail(
        command ->
            command instanceof ContainerCommand.Build build
                && build.tag().startsWith("capsem-rootfs-x86_64:"),
        Kind.FAILED,
        1,
        "E: Unable to locate package no-such-package\n"
            + "The command '/bin/sh -c apt-get install -y no-such-package' returned a non-zero"
            + " code: 100");

    Diagnostic error = only(run(settings(ImageTemplate.ROOTFS, binaries(), false)));

    assertThat(error.code()).isEqualTo(Code.E307);
    assertThat(error.message())
        .startsWith("Command '['fake', 'build', 'linux/amd64', 'CAPSEM_BUILD_ID=")
        .contains("'capsem-rootfs-x86_64:")
        .contains("returned non-zero exit status 1.")
        .contains("Unable to locate package no-such-package")
        .doesNotContain("hint:");
    // Only the build log, which keeps the failing command for whoever investigates.
    assertThat(filesUnder(out)).containsExactly("build.log");
    assertThat(out.resolve("build.log")).content().contains("$ fake build linux/amd64");
    assertThat(runtime.imageTags()).noneMatch(tag -> tag.startsWith("capsem-rootfs-x86_64"));
  }

  @Test
  void run_stepKilledWith137_addsTheMemoryHint() {
    runtime.fail(
        command -> command instanceof ContainerCommand.Build,
        Kind.FAILED,
        1,
        "The command '/bin/sh -c make -j2 bzImage' returned a non-zero code: 137");

    Diagnostic error = only(run(settings(ImageTemplate.KERNEL, binaries(), false)));

    assertThat(error.message())
        .contains("\n  hint: container runtime VM out of memory (exit 137) or SIGTERM mid-build")
        .contains("bump Colima to 16GB");
  }

  @Test
  void run_missingGuestBinaries_isE303ForEachAndRunsNothing() throws Exception {
    Path empty = Files.createDirectories(temp.resolve("no-binaries"));

    BuildOutcome outcome =
        run(settings(ImageTemplate.ROOTFS, GuestBinaries.in(new GivenPath(empty, "bins")), false));

    assertThat(outcome.diagnostics())
        .extracting(Diagnostic::code)
        .containsOnly(Code.E303)
        .hasSize(5);
    assertThat(outcome.diagnostics().get(0).message())
        .isEqualTo("Missing guest agent binary for x86_64: capsem-pty-agent (expected in bins)");
    assertThat(runtime.executed()).isEmpty();
  }

  @Test
  void run_guestBinariesOmitted_warnsW017AndBuilds() {
    BuildOutcome outcome = run(settings(ImageTemplate.ROOTFS, GuestBinaries.none(), false));

    assertThat(outcome.ok()).isTrue();
    assertThat(outcome.diagnostics())
        .extracting(Diagnostic::code, Diagnostic::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                Code.W017, "guest agent binaries omitted by configuration"));
  }

  @Test
  void run_kernelTarballOfOtherBytes_isE305() throws Exception {
    Files.writeString(tarball, "tampered");

    Diagnostic error = only(run(settings(ImageTemplate.KERNEL, binaries(), false)));

    assertThat(error.code()).isEqualTo(Code.E305);
    assertThat(error.message())
        .startsWith("kernel source sha256 mismatch: expected " + tarballSha256);
  }

  /** A downloader that serves {@code body} for every URL, or fails when it is null. */
  private static Downloader serving(byte[] body) {
    return new Downloader() {
      @Override
      public byte[] get(java.net.URI url, java.time.Duration timeout) throws java.io.IOException {
        throw new java.io.IOException("not in this test");
      }

      @Override
      public void download(java.net.URI url, Path target, java.time.Duration timeout)
          throws java.io.IOException {
        if (body == null) {
          throw new java.io.IOException("HTTP 404 for " + url);
        }
        Files.write(target, body);
      }
    };
  }

  private BuildSettings fromUrl(String url) {
    BuildSettings base = settings(ImageTemplate.KERNEL, binaries(), false);
    return new BuildSettings(
        base.template(),
        base.outDir(),
        base.guestBinaries(),
        new KernelSource(null, java.net.URI.create(url), tarballSha256, null),
        base.sources(),
        base.binaryVersion(),
        false,
        false,
        base.squashfsWriter());
  }

  @Test
  void run_kernelFromUrlWithChecksum_downloadsChecksAndRecordsTheSource() {
    String url = "https://mirror.corp.example/linux-6.6.127.tar.xz";

    BuildOutcome outcome = run(fromUrl(url), serving(TARBALL));

    assertThat(outcome.diagnostics()).isEmpty();
    assertThat(outcome.kernel())
        .isEqualTo(new BuildOutcome.KernelUsed("6.6.127", url, tarballSha256));
  }

  @Test
  void run_kernelUrlNotServed_isE308NamingTheUrl() {
    Diagnostic error =
        only(run(fromUrl("https://mirror.corp.example/linux-6.6.127.tar.xz"), serving(null)));

    assertThat(error.code()).isEqualTo(Code.E308);
    assertThat(error.message())
        .isEqualTo(
            "cannot download the kernel source https://mirror.corp.example/linux-6.6.127.tar.xz:"
                + " HTTP 404 for https://mirror.corp.example/linux-6.6.127.tar.xz");
  }

  @Test
  void run_kernelOrgWithoutChecksum_isE308() {
    BuildSettings base = settings(ImageTemplate.KERNEL, binaries(), false);
    BuildSettings unverified =
        new BuildSettings(
            base.template(),
            base.outDir(),
            base.guestBinaries(),
            new KernelSource(null, null, null, "6.6.127"),
            base.sources(),
            base.binaryVersion(),
            false,
            false,
            base.squashfsWriter());

    Diagnostic error = only(run(unverified));

    assertThat(error.code()).isEqualTo(Code.E308);
    assertThat(error.message()).contains("--kernel-sha256").contains("--kernel-source");
  }

  @Test
  void run_engineCannotRunThePlatform_isE309WithTheFix() {
    runtime.cannotRun("linux/amd64");

    Diagnostic error = only(run(settings(ImageTemplate.ALL, binaries(), false)));

    assertThat(error.code()).isEqualTo(Code.E309);
    assertThat(error.message()).contains("cannot run linux/amd64").contains("fix:");
  }

  @Test
  void run_enabledAiCliWithoutVersion_isE311() {
    FakeContainerRuntime silent =
        new FakeContainerRuntime(Set.of("debian:bookworm-slim"))
            .image("capsem-rootfs-x86_64", Map.of("/etc/x", bytes("x")))
            .respond(
                command -> String.join(" ", command).contains("mksquashfs"),
                container -> {
                  container.files().put("/rootfs.squashfs", bytes("sq"));
                  return "";
                })
            .respond(command -> command.get(0).equals("bash"), container -> "claude=N/A\n");
    runtime = silent;

    Diagnostic error = only(run(settings(ImageTemplate.ROOTFS, binaries(), false)));

    assertThat(error.code()).isEqualTo(Code.E311);
    assertThat(error.message())
        .isEqualTo(
            "Enabled AI CLIs returned N/A or empty version: claude, gemini, codex. Check that the"
                + " CLI installed correctly in the rootfs.");
  }

  /** Progress notes, to see what a build says about the steps it kept. */
  private static final class Notes implements BuildProgress {
    final List<String> notes = new java.util.ArrayList<>();

    @Override
    public Step begin(String step) {
      return BuildProgress.silent().begin(step);
    }

    @Override
    public void command(List<String> commandLine) {}

    @Override
    public void note(String message) {
      notes.add(message);
    }
  }

  private BuildOutcome run(BuildSettings settings, BuildProgress progress) {
    return run(settings, Downloader.none(), progress);
  }

  private List<ContainerCommand> containerWork() {
    return runtime.executed().stream()
        .filter(command -> !(command instanceof ContainerCommand.InspectImage))
        .toList();
  }

  private BuildSettings noCache(BuildSettings base) {
    return new BuildSettings(
        base.template(),
        base.outDir(),
        base.guestBinaries(),
        base.kernelSource(),
        base.sources(),
        base.binaryVersion(),
        true,
        false,
        base.squashfsWriter());
  }

  @Test
  void run_secondBuildWithTheSameInputs_doesNoContainerWorkAndKeepsEveryFile() throws Exception {
    BuildSettings settings = settings(ImageTemplate.ALL, binaries(), false);
    BuildOutcome first = run(settings);
    Map<String, byte[]> before = new java.util.TreeMap<>();
    for (String file : filesUnder(out)) {
      before.put(file, Files.readAllBytes(out.resolve(file)));
    }
    int commandsBefore = runtime.executed().size();
    Notes notes = new Notes();

    BuildOutcome second = run(settings, notes);

    assertThat(second.ok()).isTrue();
    assertThat(second.noContainerWork()).isTrue();
    assertThat(runtime.executed().subList(commandsBefore, runtime.executed().size()))
        .as("only the base image id is asked for")
        .allMatch(command -> command instanceof ContainerCommand.InspectImage);
    assertThat(notes.notes)
        .contains(
            "no container work: the inputs of every step are unchanged",
            "checksums and manifest unchanged")
        .anyMatch(
            note ->
                note.startsWith("x86_64 rootfs unchanged (inputs ")
                    && note.endsWith("kept rootfs.squashfs after checking its hash"));
    for (String file : filesUnder(out)) {
      assertThat(out.resolve(file)).as(file).hasBinaryContent(before.get(file));
    }
    assertThat(second.assets()).isEqualTo(first.assets());
    assertThat(second.kernel()).isEqualTo(first.kernel());
    assertThat(second.release().assetVersion()).isEqualTo("2026.0421.1");
    assertThat(second.steps())
        .extracting(BuildOutcome.StepDone::step, BuildOutcome.StepDone::reused)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("kernel", true),
            org.assertj.core.groups.Tuple.tuple("initrd", true),
            org.assertj.core.groups.Tuple.tuple("rootfs", true));
  }

  @Test
  void run_changedArtifact_rebuildsOnlyTheRootfsNamingTheInput() throws Exception {
    BuildSettings settings = settings(ImageTemplate.ALL, binaries(), false);
    run(settings);
    workspace = workspace.with("artifacts/capsem-bashrc", "# changed\n");
    int commandsBefore = runtime.executed().size();
    Notes notes = new Notes();

    BuildOutcome second = run(settings, notes);

    assertThat(second.ok()).isTrue();
    assertThat(notes.notes).contains("x86_64 rootfs: inputs changed (capsem-bashrc); rebuilding");
    assertThat(runtime.executed().subList(commandsBefore, runtime.executed().size()))
        .filteredOn(ContainerCommand.Build.class::isInstance)
        .map(command -> ((ContainerCommand.Build) command).tag())
        .singleElement()
        .satisfies(tag -> assertThat(tag).startsWith("capsem-rootfs-x86_64:"));
    assertThat(second.steps())
        .extracting(BuildOutcome.StepDone::reused)
        .containsExactly(true, true, false);
    assertThat(second.release().assetVersion()).isEqualTo("2026.0421.2");
  }

  @Test
  void run_assetChangedSinceItsBuild_isRebuiltNotReused() throws Exception {
    BuildSettings settings = settings(ImageTemplate.ALL, binaries(), false);
    run(settings);
    Files.writeString(out.resolve("x86_64/vmlinuz"), "tampered kernel");
    Notes notes = new Notes();

    BuildOutcome second = run(settings, notes);

    assertThat(notes.notes)
        .contains(
            "x86_64 kernel: vmlinuz does not have the bytes the last build placed; rebuilding");
    assertThat(second.steps())
        .extracting(BuildOutcome.StepDone::reused)
        .containsExactly(false, true, true);
    assertThat(out.resolve("x86_64/vmlinuz")).hasContent("kernel image");
  }

  @Test
  void run_noCache_rebuildsEveryStepWithoutTheLayerCache() throws Exception {
    BuildSettings settings = settings(ImageTemplate.ALL, binaries(), false);
    run(settings);
    int commandsBefore = runtime.executed().size();
    Notes notes = new Notes();

    BuildOutcome second = run(noCache(settings), notes);

    assertThat(second.noContainerWork()).isFalse();
    assertThat(notes.notes)
        .contains("noCache: every step is rebuilt, without the engine's layer cache");
    assertThat(runtime.executed().subList(commandsBefore, runtime.executed().size()))
        .filteredOn(ContainerCommand.Build.class::isInstance)
        .map(command -> (ContainerCommand.Build) command)
        .filteredOn(build -> !build.tag().startsWith("capsem-asset-tools"))
        .hasSize(3)
        .allMatch(ContainerCommand.Build::noCache);
  }

  @Test
  void run_baseImageIdChanged_rebuildsEveryStep() throws Exception {
    BuildSettings settings = settings(ImageTemplate.ALL, binaries(), false);
    run(settings);
    runtime.replaceBaseImage("debian:bookworm-slim");
    Notes notes = new Notes();

    BuildOutcome second = run(settings, notes);

    // The Dockerfiles name the image by its id, so they change with it.
    assertThat(notes.notes)
        .contains("x86_64 kernel: inputs changed (Dockerfile, base_image); rebuilding");
    assertThat(second.steps()).noneMatch(BuildOutcome.StepDone::reused);
    assertThat(second.baseImages())
        .singleElement()
        .satisfies(
            image ->
                assertThat(image.image().digest())
                    .isEqualTo(runtime.baseImageId("debian:bookworm-slim")));
  }

  @Test
  void run_twoOutputFolders_tagTheirImagesApartAndKeepTheLayerCache() {
    run(settings(ImageTemplate.ROOTFS, binaries(), false));
    out = temp.resolve("other-assets");
    run(settings(ImageTemplate.ROOTFS, binaries(), false));

    List<String> tags =
        runtime.executed().stream()
            .filter(ContainerCommand.Build.class::isInstance)
            .map(command -> ((ContainerCommand.Build) command).tag())
            .filter(tag -> tag.startsWith("capsem-rootfs-x86_64:"))
            .toList();
    List<String> removed =
        runtime.executed().stream()
            .filter(ContainerCommand.RemoveImage.class::isInstance)
            .map(command -> ((ContainerCommand.RemoveImage) command).image())
            .filter(tag -> tag.startsWith("capsem-rootfs-x86_64:"))
            .toList();
    assertThat(tags).hasSize(2).doesNotHaveDuplicates();
    assertThat(removed).isEqualTo(tags);
    // Removing layers or stages would drop the engine's layer cache for the next build.
    assertThat(runtime.executed())
        .noneMatch(ContainerCommand.RemoveImageAndLayers.class::isInstance)
        .noneMatch(ContainerCommand.ListUntaggedImages.class::isInstance);
  }

  @Test
  void run_withoutCache_removesWhatItBuiltWithItsLayersOnceEveryStepIsDone() {
    BuildSettings cached = settings(ImageTemplate.ALL, binaries(), false);
    run(cached);
    assertThat(runtime.stageImages()).as("a cached build keeps its stages: the cache").isNotEmpty();
    Set<String> kept = runtime.stageImages();
    out = temp.resolve("no-cache-assets");
    BuildSettings noCache =
        new BuildSettings(
            cached.template(),
            new GivenPath(out, "no-cache-assets"),
            cached.guestBinaries(),
            cached.kernelSource(),
            cached.sources(),
            cached.binaryVersion(),
            true,
            false,
            cached.squashfsWriter());
    int before = runtime.executed().size();

    BuildOutcome outcome = run(noCache);

    assertThat(outcome.ok()).as("%s", outcome.diagnostics()).isTrue();
    List<ContainerCommand> commands = runtime.executed().subList(before, runtime.executed().size());
    List<String> builtTags =
        commands.stream()
            .filter(command -> command instanceof ContainerCommand.Build build && build.noCache())
            .map(command -> ((ContainerCommand.Build) command).tag())
            .toList();
    assertThat(builtTags).hasSize(3); // kernel, initrd, rootfs
    assertThat(
            commands.stream()
                .filter(ContainerCommand.RemoveImageAndLayers.class::isInstance)
                .map(command -> ((ContainerCommand.RemoveImageAndLayers) command).image()))
        .containsAll(builtTags);
    assertThat(commands).noneMatch(ContainerCommand.RemoveImage.class::isInstance);
    // Its own stages are gone; the cached build's stages are untouched.
    assertThat(runtime.stageImages()).isEqualTo(kept);
    int listed = indexOf(commands, ContainerCommand.ListUntaggedImages.class);
    int lastBuild = 0;
    for (int i = 0; i < commands.size(); i++) {
      if (commands.get(i) instanceof ContainerCommand.Build) {
        lastBuild = i;
      }
    }
    assertThat(listed).as("stages are looked for after the last build").isGreaterThan(lastBuild);
  }

  private static int indexOf(List<ContainerCommand> commands, Class<?> kind) {
    for (int i = 0; i < commands.size(); i++) {
      if (kind.isInstance(commands.get(i))) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void pythonList_quotesLikePythonsRepr() {
    assertThat(ContainerChores.pythonList(List.of("docker", "build", "it's", "a\nb")))
        .isEqualTo("['docker', 'build', \"it's\", 'a\\nb']");
  }
}

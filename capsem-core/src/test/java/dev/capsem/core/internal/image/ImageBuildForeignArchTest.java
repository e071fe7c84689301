package dev.capsem.core.internal.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.internal.image.rootfs.RootfsWriter;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An arm64 build on an amd64 engine: what runs on which platform, and its refusals. */
class ImageBuildForeignArchTest {

  private static final byte[] TARBALL = "linux-6.12 source".getBytes(StandardCharsets.UTF_8);
  private static final Set<String> BOTH_BASE_IMAGES =
      Set.of("debian:bookworm-slim", "arm64v8/debian:bookworm-slim");

  @TempDir Path temp;
  private TestWorkspaces workspace;
  private Path tarball;
  private String tarballSha256;
  private final Map<String, String> dockerfiles = new LinkedHashMap<>();
  private final List<String> notes = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    workspace =
        TestWorkspaces.of("config/profiles/base/coding.profile.toml", List.of("arm64"), temp);
    tarball = Files.write(temp.resolve("linux-6.12.tar.xz"), TARBALL);
    tarballSha256 =
        java.util.HexFormat.of()
            .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(TARBALL));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** An amd64 engine that has {@code baseImages} and records every Dockerfile it builds. */
  private FakeContainerRuntime engine(Set<String> baseImages) {
    FakeContainerRuntime runtime =
        new FakeContainerRuntime(baseImages)
            .enginePlatform("linux/amd64")
            .image(
                "capsem-kernel-arm64",
                Map.of("/vmlinuz", bytes("arm64 Image"), "/kernel.release", bytes("6.12.1\n")))
            .image("capsem-initrd-arm64", Map.of("/bin/busybox", bytes("aarch64 busybox")))
            .image("capsem-rootfs-arm64", Map.of("/usr/bin/jq", bytes("aarch64 jq")));
    FakeBuildEngine.answering(runtime, FakeBuildEngine.NO_HASHES, FakeBuildEngine.JQ_INVENTORY);
    // Never fails: reads each build's Dockerfile as the engine receives it.
    runtime.fail(
        command -> {
          if (command instanceof ContainerCommand.Build build) {
            try {
              dockerfiles.put(
                  build.tag().substring(0, build.tag().indexOf(':')),
                  Files.readString(build.context().resolve("Dockerfile")));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }
          return false;
        },
        Kind.FAILED,
        1,
        "");
    return runtime;
  }

  private BuildOutcome run(FakeContainerRuntime runtime, ImageTemplate template) {
    BuildSettings settings =
        new BuildSettings(
            template,
            new GivenPath(temp.resolve("assets"), "assets"),
            GuestInputs.guestBinaries(temp.resolve("binaries")),
            new KernelSource(
                new GivenPath(tarball, "linux-6.12.tar.xz"), null, tarballSha256, null),
            PackageSources.upstream(),
            "1.0.1776688771",
            false,
            false,
            RootfsWriter.MKSQUASHFS);
    BuildProgress progress =
        new BuildProgress() {
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
        };
    return new ImageBuilder(
            runtime,
            new FakeOciRegistry(),
            Downloader.none(),
            new Sha256Hasher(),
            Clock.fixed(Instant.ofEpochSecond(1776729600L), ZoneOffset.UTC),
            AssetReleaseWriter.checksumsAndManifest(new Sha256Hasher()),
            "sudo apt install docker.io",
            List.of(new RunLengthCodec(SquashfsCodec.ZSTD)))
        .run(workspace.plan(), workspace.derived(), settings, progress);
  }

  private static String platformOf(FakeContainerRuntime runtime, String tagPrefix) {
    return runtime.executed().stream()
        .filter(c -> c instanceof ContainerCommand.Build b && b.tag().startsWith(tagPrefix))
        .map(c -> ((ContainerCommand.Build) c).platform())
        .findFirst()
        .orElseThrow();
  }

  @Test
  void run_arm64OnAnAmd64Engine_crossBuildsKernelAndBusyboxAndEmulatesOnlyTheRootfs() {
    FakeContainerRuntime runtime = engine(BOTH_BASE_IMAGES);

    BuildOutcome outcome = run(runtime, ImageTemplate.ALL);

    assertThat(outcome.diagnostics()).isEmpty();
    assertThat(platformOf(runtime, "capsem-kernel-arm64:")).isEqualTo("linux/amd64");
    assertThat(platformOf(runtime, "capsem-initrd-arm64:")).isEqualTo("linux/amd64");
    assertThat(platformOf(runtime, "capsem-rootfs-arm64:")).isEqualTo("linux/arm64");
    assertThat(runtime.executed())
        .filteredOn(c -> c instanceof ContainerCommand.Create)
        .extracting(c -> ((ContainerCommand.Create) c).platform())
        .containsSubsequence("linux/amd64", "linux/amd64", "linux/arm64");
    assertThat(dockerfiles.get("capsem-kernel-arm64"))
        .contains("ENV ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu-");
    assertThat(dockerfiles.get("capsem-initrd-arm64"))
        .contains("apt-get download busybox-static:arm64");
    assertThat(dockerfiles.get("capsem-rootfs-arm64"))
        .contains(
            "FROM --platform=linux/arm64 "
                + runtime.baseImageId("arm64v8/debian:bookworm-slim")
                + "\n"); // the per-arch image, pinned to its id
    assertThat(outcome.assets())
        .extracting(BuildOutcome.BuiltAsset::name)
        .containsExactly("vmlinuz", "initrd.img", "rootfs.squashfs");
    assertThat(notes)
        .contains(
            "arm64 on a linux/amd64 engine: kernel cross-compiled (aarch64-linux-gnu-), busybox"
                + " from Debian's arm64 package, rootfs from arm64v8/debian:bookworm-slim through"
                + " qemu-user");
  }

  @Test
  void run_arm64OnAnAmd64Engine_recordsEachStepsOwnBaseImage() {
    run(engine(BOTH_BASE_IMAGES), ImageTemplate.ALL);

    BuildRecord record = BuildRecord.read(temp.resolve("assets/arm64"), "arm64");
    assertThat(record.steps().get("kernel").inputs().get("base_image"))
        .startsWith("debian:bookworm-slim@");
    assertThat(record.steps().get("rootfs").inputs().get("base_image"))
        .startsWith("arm64v8/debian:bookworm-slim@");
  }

  @Test
  void run_secondBuildOfTheSameInputs_keepsEveryStepAndRunsNoBuild() {
    run(engine(BOTH_BASE_IMAGES), ImageTemplate.ALL);
    FakeContainerRuntime again = engine(BOTH_BASE_IMAGES);
    again.cannotRun("linux/arm64"); // nothing left to run needs arm64 containers

    BuildOutcome outcome = run(again, ImageTemplate.ALL);

    assertThat(outcome.diagnostics()).isEmpty();
    assertThat(outcome.steps()).allMatch(BuildOutcome.StepDone::reused).hasSize(3);
    assertThat(again.executed()).noneMatch(c -> c instanceof ContainerCommand.Build);
  }

  @Test
  void run_perArchBaseImageMissing_isE520BeforeAnyBuild() {
    FakeContainerRuntime runtime = engine(Set.of("debian:bookworm-slim"));

    BuildOutcome outcome = run(runtime, ImageTemplate.ALL);

    assertThat(outcome.diagnostics()).extracting(Diagnostic::code).containsExactly(Code.E520);
    assertThat(outcome.diagnostics().get(0).message())
        .contains("arm64v8/debian:bookworm-slim")
        .contains("scripts/container-engine.sh");
    assertThat(runtime.executed()).noneMatch(c -> c instanceof ContainerCommand.Build);
  }

  @Test
  void run_engineCannotRunArm64_kernelStillBuildsButTheRootfsIsE309() {
    FakeContainerRuntime kernelOnly = engine(BOTH_BASE_IMAGES);
    kernelOnly.cannotRun("linux/arm64");

    BuildOutcome kernel = run(kernelOnly, ImageTemplate.KERNEL);

    assertThat(kernel.diagnostics()).isEmpty();
    assertThat(kernel.assets()).extracting(BuildOutcome.BuiltAsset::name).contains("vmlinuz");

    FakeContainerRuntime rootfs = engine(BOTH_BASE_IMAGES);
    rootfs.cannotRun("linux/arm64");
    BuildOutcome refused = run(rootfs, ImageTemplate.ROOTFS);

    assertThat(refused.diagnostics()).extracting(Diagnostic::code).containsExactly(Code.E309);
    assertThat(rootfs.executed()).noneMatch(c -> c instanceof ContainerCommand.Build);
  }

  @Test
  void run_engineOfTheTargetsPlatform_buildsEverythingNatively() {
    FakeContainerRuntime arm64Engine =
        engine(Set.of("debian:bookworm-slim")).enginePlatform("linux/arm64");

    BuildOutcome outcome = run(arm64Engine, ImageTemplate.ALL);

    assertThat(outcome.diagnostics()).isEmpty();
    assertThat(platformOf(arm64Engine, "capsem-kernel-arm64:")).isEqualTo("linux/arm64");
    assertThat(platformOf(arm64Engine, "capsem-initrd-arm64:")).isEqualTo("linux/arm64");
    assertThat(dockerfiles.get("capsem-kernel-arm64")).doesNotContain("CROSS_COMPILE");
    assertThat(dockerfiles.get("capsem-rootfs-arm64"))
        .contains(
            "FROM --platform=linux/arm64 "
                + arm64Engine.baseImageId("debian:bookworm-slim")
                + "\n");
    assertThat(notes).noneMatch(n -> n.contains("engine:"));
  }
}

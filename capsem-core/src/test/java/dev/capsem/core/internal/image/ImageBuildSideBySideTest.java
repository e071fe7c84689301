package dev.capsem.core.internal.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.internal.image.rootfs.RootfsWriter;
import dev.capsem.core.ports.BuildProgress;
import dev.capsem.core.ports.ContainerCommand;
import dev.capsem.core.ports.ContainerRuntime;
import dev.capsem.core.ports.ContainerRuntimeException;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a runtime that runs commands side by side, an architecture's kernel compiles while its initrd
 * and rootfs are built; the outcome is the one a build one step at a time gives, and the first
 * failure stops the compile.
 */
class ImageBuildSideBySideTest {

  private static final Clock APRIL_21 =
      Clock.fixed(Instant.ofEpochSecond(1776729600L), ZoneOffset.UTC);
  private static final byte[] TARBALL = "linux-6.6.127 source".getBytes(StandardCharsets.UTF_8);

  @TempDir Path temp;
  private TestWorkspaces workspace;
  private Path out;
  private BuildSettings settings;

  @BeforeEach
  void setUp() throws Exception {
    workspace =
        TestWorkspaces.of("config/profiles/base/coding.profile.toml", List.of("x86_64"), temp);
    out = temp.resolve("assets");
    Path tarball = Files.write(temp.resolve("linux-6.6.127.tar.xz"), TARBALL);
    String sha256 =
        java.util.HexFormat.of()
            .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(TARBALL));
    settings =
        new BuildSettings(
            ImageTemplate.ALL,
            new GivenPath(out, "assets"),
            GuestInputs.guestBinaries(temp.resolve("binaries")),
            new KernelSource(new GivenPath(tarball, "linux-6.6.127.tar.xz"), null, sha256, null),
            PackageSources.upstream(),
            "1.0.1776688771",
            false,
            false,
            RootfsWriter.CAPSEM);
  }

  @Test
  void build_kernelCompilesWhileTheRootfsIsBuilt_andTheOutcomeIsInBuildOrder() throws Exception {
    // The kernel's build waits until the rootfs's build has run: one step at a time, it would wait
    // in vain and fail.
    CountDownLatch rootfsBuilt = new CountDownLatch(1);
    SideBySide runtime =
        new SideBySide(
            FakeBuildEngine.x86_64(),
            kernelBuild -> {
              if (!rootfsBuilt.await(20, TimeUnit.SECONDS)) {
                throw new ContainerRuntimeException(
                    Kind.FAILED, List.of("docker", "build"), 1, "", "the rootfs was not built");
              }
            },
            rootfsBuilt::countDown);

    BuildOutcome outcome = build(runtime);

    assertThat(outcome.diagnostics()).isEmpty();
    assertThat(outcome.ok()).isTrue();
    assertThat(outcome.assets())
        .extracting(BuildOutcome.BuiltAsset::name)
        .containsExactly("vmlinuz", "initrd.img", "rootfs.squashfs");
    assertThat(outcome.steps())
        .extracting(BuildOutcome.StepDone::step)
        .containsExactly("kernel", "initrd", "rootfs");
    assertThat(outcome.kernel().version()).isEqualTo("6.6.127");
    List<String> log = Files.readAllLines(out.resolve(BuildLog.FILE));
    assertThat(log).anyMatch(line -> line.startsWith("[x86_64 kernel] $ "));
    assertThat(log).anyMatch(line -> line.startsWith("[x86_64 rootfs] $ "));
    assertThat(out.resolve("x86_64/vmlinuz")).hasContent("kernel image");
  }

  @Test
  void build_rootfsFailsWhileTheKernelCompiles_stopsTheCompileAndReportsTheRootfs()
      throws Exception {
    AtomicBoolean compileStopped = new AtomicBoolean();
    FakeContainerRuntime fake =
        FakeBuildEngine.x86_64()
            .fail(
                command ->
                    command instanceof ContainerCommand.Build build
                        && build.tag().startsWith("capsem-rootfs-"),
                Kind.FAILED,
                100,
                "E: Unable to locate package no-such-package");
    SideBySide runtime =
        new SideBySide(
            fake,
            kernelBuild -> {
              try {
                new CountDownLatch(1).await(60, TimeUnit.SECONDS); // a compile that never ends
              } catch (InterruptedException e) {
                compileStopped.set(true);
                Thread.currentThread().interrupt();
                throw new ContainerRuntimeException(
                    Kind.FAILED, List.of("docker", "build"), -1, "", "interrupted");
              }
            },
            () -> {});

    BuildOutcome outcome = build(runtime);

    assertThat(outcome.ok()).isFalse();
    assertThat(outcome.diagnostics())
        .filteredOn(Diagnostic::isError)
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("Unable to locate package"));
    assertThat(compileStopped).isTrue();
    assertThat(outcome.assets()).isEmpty();
  }

  private BuildOutcome build(ContainerRuntime runtime) {
    List<SquashfsCodec> codecs = List.of(new RunLengthCodec(SquashfsCodec.ZSTD));
    return new ImageBuilder(
            runtime,
            new FakeOciRegistry(),
            Downloader.none(),
            new Sha256Hasher(),
            APRIL_21,
            AssetReleaseWriter.checksumsAndManifest(new Sha256Hasher()),
            "sudo apt install docker.io",
            codecs)
        .run(workspace.plan(), workspace.derived(), settings, BuildProgress.silent());
  }

  /** What a test does when the kernel's build starts (it may wait, and throw). */
  @FunctionalInterface
  private interface KernelBuild {
    void starts(ContainerCommand.Build build) throws Exception;
  }

  /**
   * The fake engine, one command at a time, but claiming to run commands side by side: the kernel's
   * build first runs {@code kernelBuild} outside the lock, and {@code rootfsBuilt} runs once the
   * rootfs's build is done.
   */
  private static final class SideBySide implements ContainerRuntime {
    private final FakeContainerRuntime fake;
    private final KernelBuild kernelBuild;
    private final Runnable rootfsBuilt;

    SideBySide(FakeContainerRuntime fake, KernelBuild kernelBuild, Runnable rootfsBuilt) {
      this.fake = fake;
      this.kernelBuild = kernelBuild;
      this.rootfsBuilt = rootfsBuilt;
    }

    @Override
    public boolean runsCommandsSideBySide() {
      return true;
    }

    @Override
    public String probe() throws ContainerRuntimeException {
      synchronized (fake) {
        return fake.probe();
      }
    }

    @Override
    public Optional<String> enginePlatform() {
      synchronized (fake) {
        return fake.enginePlatform();
      }
    }

    @Override
    public Optional<String> platformProblem(String platform) {
      synchronized (fake) {
        return fake.platformProblem(platform);
      }
    }

    @Override
    public List<String> commandLine(ContainerCommand command) {
      synchronized (fake) {
        return fake.commandLine(command);
      }
    }

    @Override
    public String execute(ContainerCommand command) throws ContainerRuntimeException {
      return execute(command, line -> {});
    }

    @Override
    public String execute(ContainerCommand command, Consumer<String> output)
        throws ContainerRuntimeException {
      boolean kernel =
          command instanceof ContainerCommand.Build build
              && build.tag().startsWith("capsem-kernel-");
      if (kernel) {
        try {
          kernelBuild.starts((ContainerCommand.Build) command);
        } catch (ContainerRuntimeException e) {
          throw e;
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
      String result;
      synchronized (fake) {
        result = fake.execute(command, output);
      }
      if (command instanceof ContainerCommand.Build build
          && build.tag().startsWith("capsem-rootfs-")) {
        rootfsBuilt.run();
      }
      return result;
    }

    @Override
    public <T> T exportStream(String container, TarStreamReader<T> reader)
        throws ContainerRuntimeException, IOException {
      synchronized (fake) {
        return fake.exportStream(container, reader);
      }
    }
  }
}

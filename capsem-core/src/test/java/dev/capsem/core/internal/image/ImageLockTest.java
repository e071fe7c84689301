package dev.capsem.core.internal.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.TextReport;
import dev.capsem.core.internal.image.lock.LockReader;
import dev.capsem.core.internal.image.lock.PackageLock;
import dev.capsem.core.internal.image.rootfs.RootfsWriter;
import dev.capsem.core.internal.profile.ProfileCheck;
import dev.capsem.core.internal.profile.ProfileReader;
import dev.capsem.core.ports.BuildProgress;
import dev.capsem.core.ports.ContainerCommand;
import dev.capsem.core.ports.Downloader;
import dev.capsem.core.testing.Conformance;
import dev.capsem.core.testing.FakeBuildEngine;
import dev.capsem.core.testing.FakeContainerRuntime;
import dev.capsem.core.testing.FakeOciRegistry;
import dev.capsem.core.testing.GuestInputs;
import dev.capsem.core.testing.Sha256Hasher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code image lock} over a build made on the fake engine, and {@code --locked} builds from that
 * lock: what the lock pins, and each refusal (E602, E603, E605).
 */
class ImageLockTest {

  private static final Clock APRIL_21 =
      Clock.fixed(Instant.ofEpochSecond(1776729600L), ZoneOffset.UTC);
  private static final String PROFILE = "config/profiles/base/coding.profile.toml";

  @TempDir Path temp;
  private TestWorkspaces workspace;
  private FakeContainerRuntime runtime;
  private Path out;
  private GivenPath lockFile;

  @BeforeEach
  void setUp() throws Exception {
    workspace = TestWorkspaces.of(PROFILE, List.of("x86_64"), temp);
    out = temp.resolve("assets");
    lockFile = new GivenPath(temp.resolve("coding.profile.lock.json"), "coding.profile.lock.json");
    RootfsRecipe recipe =
        new RootfsRecipe(
            workspace.config(),
            workspace.config().build().architectures().get("x86_64"),
            PackageSources.upstream(),
            true,
            1776729600L);
    // The inventory a real build of this profile reports: every package it installs by name.
    Map<String, String> apt = new TreeMap<>();
    recipe.lockedNames("apt").forEach(name -> apt.put(name, "1.0-" + name.length()));
    apt.put("libc6", "2.36-9+deb12u14");
    Map<String, String> python = new TreeMap<>();
    recipe.lockedNames("python").forEach(name -> python.put(name.toLowerCase(), "2.0"));
    Map<String, String> npm = new TreeMap<>();
    recipe.lockedNames("npm").forEach(name -> npm.put(name, "0.9.1"));
    String inventory =
        "{\"schema\": \"capsem.image-inventory.v1\", \"apt\": "
            + json(apt)
            + ", \"python_modules\": "
            + json(python)
            + ", \"node_packages\": "
            + json(npm)
            + ", \"tools\": {}}";
    String hashes =
        "{\"schema\": \"capsem.package-hashes.v1\", \"apt\": {\"libc6\": {\"version\":"
            + " \"2.36-9+deb12u14\", \"sha256\": \""
            + "a".repeat(64)
            + "\"}}, \"npm\": {\"@openai/codex\": {\"version\": \"0.9.1\", \"integrity\":"
            + " \"sha512-AAAA\"}}, \"notes\": []}";
    runtime =
        FakeBuildEngine.answering(
            new FakeContainerRuntime(Set.of("debian:bookworm-slim"))
                .image("capsem-rootfs-x86_64", Map.of("/etc/capsem-banner.txt", bytes("banner"))),
            hashes,
            inventory);
  }

  private static String json(Map<String, String> map) {
    StringBuilder out = new StringBuilder("{");
    map.forEach(
        (k, v) ->
            out.append(out.length() > 1 ? ", " : "")
                .append('"')
                .append(k)
                .append("\": \"")
                .append(v)
                .append('"'));
    return out.append('}').toString();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private BuildOutcome build(TestWorkspaces from, PackageLock lock) {
    BuildSettings settings =
        new BuildSettings(
            ImageTemplate.ROOTFS,
            new GivenPath(out, "assets"),
            GuestInputs.guestBinaries(temp.resolve("binaries")),
            new KernelSource(null, null, null, null),
            PackageSources.upstream(),
            "1.0.1776688771",
            false,
            false,
            RootfsWriter.MKSQUASHFS,
            lock == null ? null : lockFile);
    return new ImageBuilder(
            runtime,
            new FakeOciRegistry(),
            Downloader.none(),
            new Sha256Hasher(),
            APRIL_21,
            AssetReleaseWriter.checksumsAndManifest(new Sha256Hasher()),
            "sudo apt install docker.io",
            List.of())
        .run(from.plan(), from.derived(), settings, lock, BuildProgress.silent());
  }

  private Outcome<TextReport> lock() {
    ProfileCheck check = ProfileReader.read(Conformance.file(PROFILE), PROFILE);
    return new ImageLocking(new Sha256Hasher())
        .lock(check, GivenPath.of(PROFILE), "x86_64", new GivenPath(out, "assets"), lockFile);
  }

  private PackageLock written() {
    LockReader.Read read = LockReader.read(lockFile.path(), lockFile.shown());
    assertThat(read.diagnostics()).isEmpty();
    return read.lock();
  }

  @Test
  void lock_afterABuild_pinsTheBaseImageAndEveryInstalledPackageWithItsHash() {
    assertThat(build(workspace, null).ok()).isTrue();

    Outcome<TextReport> locked = lock();

    assertThat(locked.ok()).as("%s", locked).isTrue();
    PackageLock lock = written();
    var arch = lock.arches().get("x86_64");
    assertThat(arch.baseImage().digest()).isEqualTo(runtime.baseImageId("debian:bookworm-slim"));
    assertThat(arch.apt().get("libc6").hash()).isEqualTo("a".repeat(64));
    assertThat(arch.apt().get("git").hash()).isNull();
    assertThat(arch.npm().get("@openai/codex").hash()).isEqualTo("sha512-AAAA");
    assertThat(lock.packageContract()).isEqualTo(workspace.plan().packageContractHash());
    assertThat(locked.value().text())
        .contains(
            "x86_64: base image debian:bookworm-slim@"
                + runtime.baseImageId("debian:bookworm-slim")
                + "; "
                + arch.apt().size()
                + " apt (1 with sha256), "
                + arch.python().size()
                + " Python, 2 npm (1 with integrity)");
  }

  @Test
  void build_lockedFromItsOwnLock_succeedsAndSaysWhichLock() {
    build(workspace, null);
    lock();

    BuildOutcome locked = build(workspace, written());

    assertThat(locked.diagnostics()).filteredOn(Diagnostic::isError).isEmpty();
    assertThat(locked.diagnostics())
        .filteredOn(d -> d.code() == Code.W601)
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("https://claude.ai/install.sh"));
    assertThat(runtime.executed())
        .filteredOn(ContainerCommand.Build.class::isInstance)
        .isNotEmpty();
  }

  @Test
  void build_lockedAfterTheBaseImageChanged_isE603() {
    build(workspace, null);
    lock();
    runtime.replaceBaseImage("debian:bookworm-slim");

    BuildOutcome locked = build(workspace, written());

    assertThat(locked.diagnostics())
        .filteredOn(Diagnostic::isError)
        .extracting(Diagnostic::code)
        .containsExactly(Code.E603);
  }

  @Test
  void build_lockedWithAPackageTheLockLacks_isE602NamingIt() throws Exception {
    build(workspace, null);
    lock();
    String text = Files.readString(lockFile.path());
    Files.writeString(
        lockFile.path(), text.replaceFirst("\"git\": \\{\\s*\"version\": \"[^\"]+\"\\s*},?", ""));
    PackageLock edited = LockReader.read(lockFile.path(), lockFile.shown()).lock();

    BuildOutcome locked = build(workspace, edited);

    assertThat(locked.diagnostics())
        .filteredOn(Diagnostic::isError)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo(Code.E602);
              assertThat(d.message()).contains("apt package git");
            });
  }

  @Test
  void build_lockOfOtherPackages_isE602() throws Exception {
    build(workspace, null);
    lock();
    String contract = workspace.plan().packageContractHash();
    Files.writeString(
        lockFile.path(), Files.readString(lockFile.path()).replace(contract, "0".repeat(64)));
    PackageLock stale = LockReader.read(lockFile.path(), lockFile.shown()).lock();

    BuildOutcome locked = build(workspace, stale);

    assertThat(locked.diagnostics())
        .filteredOn(Diagnostic::isError)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo(Code.E602);
              assertThat(d.message())
                  .contains("made for package contract " + "0".repeat(64))
                  .contains("but the profile's is " + contract);
            });
  }

  @Test
  void lock_withoutABuild_isE605NamingTheMissingFile() {
    Outcome<TextReport> locked = lock();

    assertThat(locked.ok()).isFalse();
    assertThat(locked.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo(Code.E605);
              assertThat(d.file()).isEqualTo("assets/x86_64/image-inventory.json");
            });
    assertThat(lockFile.path()).doesNotExist();
  }
}

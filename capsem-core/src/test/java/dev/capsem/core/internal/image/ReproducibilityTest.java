package dev.capsem.core.internal.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.TextReport;
import dev.capsem.core.internal.image.rootfs.RootfsWriter;
import dev.capsem.core.internal.profile.ProfileReader;
import dev.capsem.core.ports.BuildProgress;
import dev.capsem.core.ports.Downloader;
import dev.capsem.core.testing.Conformance;
import dev.capsem.core.testing.FakeContainerRuntime;
import dev.capsem.core.testing.GuestInputs;
import dev.capsem.core.testing.Reports;
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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** verify-reproducible: a clean rebuild compared with the previous build, file by file. */
class ReproducibilityTest {

  @TempDir Path temp;

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private FakeContainerRuntime runtime(boolean drifting) {
    AtomicInteger builds = new AtomicInteger();
    return new FakeContainerRuntime(Set.of("debian:bookworm-slim"))
        .image("capsem-initrd-x86_64", Map.of("/bin/busybox", bytes("static busybox")))
        .image("capsem-rootfs-x86_64", Map.of("/etc/x", bytes("x")))
        .respond(
            command -> String.join(" ", command).contains("mksquashfs"),
            container -> {
              int n = drifting ? builds.incrementAndGet() : 1;
              container.files().put("/rootfs.squashfs", bytes("squashfs " + n));
              return "";
            })
        .respond(
            command -> String.join(" ", command).contains("unsquashfs"),
            container ->
                "etc\td\t755\t0:0\t\netc/x\tf\t644\t0:0\t\n"
                    + "--- sums\n"
                    + "a".repeat(64)
                    + "  ./etc/x\n--- end\n"
                    + "etc\td\t755\t0:0\t\netc/x\tf\t644\t0:0\t\nvar\td\t755\t0:0\t\n"
                    + "--- sums\n"
                    + "b".repeat(64)
                    + "  ./etc/x\n--- end\n")
        .respond(
            command -> command.get(0).equals("bash"),
            container -> "# System\nnode=24.1.0\n# AI CLIs\nclaude=2.1\ngemini=0.6\ncodex=0.1\n")
        .respond(
            command -> command.get(0).equals("python3"),
            container ->
                "{\"apt\": {}, \"node_packages\": {}, \"python_modules\": {},"
                    + " \"schema\": \"capsem.image-inventory.v1\", \"tools\": {}}\n");
  }

  private static ImageFlow images(FakeContainerRuntime runtime, Clock clock) {
    return new ImageFlow(
        new Sha256Hasher(), runtime, Downloader.none(), clock, "apt install", List.of());
  }

  private Outcome<TextReport> verify(FakeContainerRuntime runtime) throws Exception {
    Clock clock = Clock.fixed(Instant.ofEpochSecond(1776729600L), ZoneOffset.UTC);
    ImageFlow images = images(runtime, clock);
    Path profile = temp.resolve("coding.profile.toml");
    Files.write(profile, Conformance.bytes("config/profiles/base/coding.profile.toml"));
    GivenPath given = new GivenPath(profile, "coding.profile.toml");
    BuildSettings settings =
        new BuildSettings(
            ImageTemplate.ROOTFS,
            new GivenPath(temp.resolve("assets"), "assets"),
            GuestInputs.guestBinaries(temp.resolve("binaries")),
            KernelSource.debian(),
            new PackageSources("debian", null, null, null, null),
            "1.0.0",
            false,
            false,
            RootfsWriter.MKSQUASHFS);
    WorkspaceSources sources = GuestInputs.sources(temp.resolve("inputs"));
    Outcome<BuiltImage> first =
        images.build(
            ProfileReader.read(profile, given.shown()),
            given,
            "x86_64",
            sources,
            new GivenPath(temp.resolve("workspace"), "workspace"),
            true,
            settings,
            BuildProgress.silent());
    assertThat(first.ok()).as(first.error() + " " + first.diagnostics()).isTrue();
    return new ReproducibilityFlow(images, runtime, new Sha256Hasher())
        .verify(
            ProfileReader.read(profile, given.shown()),
            given,
            "x86_64",
            sources,
            settings,
            new GivenPath(temp.resolve("reproducible"), "reproducible"),
            BuildProgress.silent());
  }

  private static List<String> lines(Outcome<TextReport> outcome) {
    return outcome.value().text().lines().toList();
  }

  @Test
  void verifyReproducible_sameBytes_isOkListingEachAsset() throws Exception {
    Outcome<TextReport> outcome = verify(runtime(false));

    assertThat(outcome.ok()).as(outcome.error() + " " + outcome.diagnostics()).isTrue();
    assertThat(lines(outcome).get(0))
        .isEqualTo("reproducible: the clean rebuild is bit-identical to assets");
    assertThat(lines(outcome).get(1)).startsWith("x86_64/rootfs.squashfs: identical (");
    assertThat(Reports.tree(outcome).string("schema")).isEqualTo("capsem.reproducibility.v1");
    assertThat(temp.resolve("reproducible/assets/x86_64/rootfs.squashfs")).exists();
  }

  @Test
  void verifyReproducible_differentRootfs_failsListingEveryDifferingFile() throws Exception {
    Outcome<TextReport> outcome = verify(runtime(true));

    assertThat(outcome.ok()).isFalse();
    assertThat(outcome.error()).isEqualTo("the clean rebuild differs from the previous build");
    assertThat(lines(outcome))
        .contains("  /etc/x: content", "  /var: only in the rebuild")
        .anyMatch(line -> line.endsWith("; 2 differing file(s):"));
  }

  @Test
  void verifyReproducible_noPreviousBuild_saysToBuildFirst() throws Exception {
    FakeContainerRuntime runtime = runtime(false);
    ImageFlow images = images(runtime, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

    Outcome<TextReport> outcome =
        new ReproducibilityFlow(images, runtime, new Sha256Hasher())
            .verify(
                ProfileReader.read(temp.resolve("p.toml"), "p.toml"),
                new GivenPath(temp.resolve("p.toml"), "p.toml"),
                "x86_64",
                GuestInputs.sources(temp.resolve("inputs")),
                new BuildSettings(
                    ImageTemplate.ROOTFS,
                    new GivenPath(temp.resolve("assets"), "assets"),
                    GuestBinaries.none(),
                    KernelSource.debian(),
                    PackageSources.upstream(),
                    "1.0.0",
                    false,
                    false,
                    RootfsWriter.MKSQUASHFS),
                new GivenPath(temp.resolve("r"), "r"),
                BuildProgress.silent());

    assertThat(outcome.error())
        .isEqualTo(
            "no previous build to compare with: assets/B3SUMS is missing; build the image first");
  }

  @Test
  void initrdDifferences_entryChanged_namesIt() throws Exception {
    Path a = Files.write(temp.resolve("a.img"), Initramfs.capsem(bytes("bb"), bytes("init1"), 0));
    Path b = Files.write(temp.resolve("b.img"), Initramfs.capsem(bytes("bb"), bytes("init2"), 0));

    assertThat(Reproducibility.initrdDifferences(a, b)).containsExactly("/init: content");
    assertThat(Reproducibility.initrdDifferences(a, a)).isEmpty();
  }
}

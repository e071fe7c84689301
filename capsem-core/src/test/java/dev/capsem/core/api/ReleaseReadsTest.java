package dev.capsem.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.diag.Outcome;
import dev.capsem.core.ports.BuildProgress;
import dev.capsem.core.ports.Downloader;
import dev.capsem.core.ports.FileAccess;
import dev.capsem.core.ports.PasswordSource;
import dev.capsem.core.ports.SquashfsCodec;
import dev.capsem.core.testing.Conformance;
import dev.capsem.core.testing.FakeBuildEngine;
import dev.capsem.core.testing.FakeMinisign;
import dev.capsem.core.testing.FakeVirtualMachines;
import dev.capsem.core.testing.FixedPorts;
import dev.capsem.core.testing.GuestInputs;
import dev.capsem.core.testing.RunLengthCodec;
import dev.capsem.core.testing.Sha256Hasher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release is one use case over one parsed profile: a whole release (validate, test, package,
 * verify) on the fake engine reads the source profile once through the file-system port, and the
 * release profile it writes once more, when the verify stage checks what was written.
 */
class ReleaseReadsTest {

  private static final byte[] TARBALL = bytes("linux-6.6.127 source");

  @TempDir Path temp;

  @Test
  void release_allStages_readsTheSourceProfileOnceAndTheReleaseProfileOnce() throws Exception {
    Path profile = Conformance.file("config/profiles/base/coding.profile.toml");
    CountingFiles files = new CountingFiles(FileAccess.local());
    Capsem capsem =
        Capsem.with(
            FixedPorts.create()
                .withHasher(new Sha256Hasher())
                .withFiles(files)
                .withContainers(FakeBuildEngine.x86_64(), Downloader.none())
                .withSquashfsCodecs(List.of(new RunLengthCodec(SquashfsCodec.ZSTD)))
                .withVirtualMachines(FakeVirtualMachines.reporting(FakeVirtualMachines.junit()))
                .withSigning(
                    FakeMinisign.verifier(), FakeMinisign.signer(), FakeMinisign.keyGenerator()));

    Outcome<Release> outcome =
        capsem.releases().release(request(temp, profile).build(), BuildProgress.silent());

    // The fake engine's inventory holds only jq, so the verify stage (the last) finds the
    // profile's other packages missing: every stage ran, each over the one parsed profile.
    assertThat(outcome.error()).as("%s", outcome.diagnostics()).startsWith("image verification");
    assertThat(temp.resolve("out/image-verify.json")).exists();
    assertThat(files.reads(profile)).isEqualTo(1);
    List<Path> written;
    try (Stream<Path> listed = Files.list(temp.resolve("out/release/profiles"))) {
      written = listed.toList();
    }
    assertThat(written).hasSize(1);
    Path releaseProfile = written.get(0);
    assertThat(files.reads(releaseProfile)).isEqualTo(1);
  }

  static ReleaseRequest.Builder request(Path temp, Path profile) throws Exception {
    Path tarball = Files.write(temp.resolve("linux-6.6.127.tar.xz"), TARBALL);
    var sources = GuestInputs.sources(temp.resolve("guest"));
    ImageOptions image =
        ImageOptions.builder()
            .arch("x86_64")
            .providers(sources.providers())
            .environment(sources.environment())
            .defconfigs(sources.defconfigs())
            .artifacts(sources.artifacts())
            .caCertificate(sources.caCertificate())
            .guestBinaries(given(GuestInputs.guestBinaries(temp.resolve("binaries")).dir().path()))
            .kernelSource(given(tarball))
            .kernelSha256(
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(TARBALL)))
            .binaryVersion("1.0.1776688771")
            .build();
    return ReleaseRequest.builder(given(profile), given(temp.resolve("out")))
        .image(image)
        .publication(
            new ReleaseRequest.Publication(null, null, false, "1-SNAPSHOT", "test", "set urls"))
        .signing(new ReleaseRequest.Signing(null, PasswordSource.none(), "no key", "no password"))
        .stages(EnumSet.allOf(ReleaseStage.class));
  }

  private static GivenPath given(Path path) {
    return new GivenPath(path, path.getFileName().toString());
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** The local file system, counting the reads of each file. */
  private static final class CountingFiles implements FileAccess {
    private final FileAccess local;
    private final Map<Path, AtomicInteger> reads = new ConcurrentHashMap<>();

    CountingFiles(FileAccess local) {
      this.local = local;
    }

    int reads(Path file) {
      AtomicInteger count = reads.get(file.toAbsolutePath().normalize());
      return count == null ? 0 : count.get();
    }

    @Override
    public byte[] read(Path file) throws IOException {
      reads
          .computeIfAbsent(file.toAbsolutePath().normalize(), k -> new AtomicInteger())
          .incrementAndGet();
      return local.read(file);
    }

    @Override
    public boolean isFile(Path path) {
      return local.isFile(path);
    }

    @Override
    public boolean isDirectory(Path path) {
      return local.isDirectory(path);
    }

    @Override
    public void write(Path file, byte[] content) throws IOException {
      local.write(file, content);
    }
  }
}

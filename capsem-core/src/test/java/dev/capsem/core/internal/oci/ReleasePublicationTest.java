package dev.capsem.core.internal.oci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.ports.SignatureFailureKind;
import dev.capsem.core.ports.SignatureVerification;
import dev.capsem.core.ports.SignatureVerifier;
import dev.capsem.core.ports.VerifyOptions;
import dev.capsem.core.testing.FakeOciRegistry;
import dev.capsem.core.testing.ReferenceBlake3;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Push and pull of a release folder against the in-memory registry: layout, BLAKE3 and B3SUMS
 * checks, the all-or-nothing target folder. The real registry and real signatures are tested in
 * capsem-docker-adapter.
 */
class ReleasePublicationTest {

  private static final String TARGET = "registry.test/corp/capsem-release:2026.0521.1";

  /** Core has no minisign verifier; this one refuses everything, which no test here reaches. */
  private static final SignatureVerifier NO_VERIFIER =
      new SignatureVerifier() {
        @Override
        public SignatureVerification verify(
            byte[] payload, byte[] signatureFile, byte[] publicKeyFile, VerifyOptions options) {
          return SignatureVerification.rejected(SignatureFailureKind.BAD_SIGNATURE, "not here");
        }

        @Override
        public SignatureVerification verifyFiles(
            Path payload, Path signatureFile, Path publicKeyFile, VerifyOptions options) {
          return SignatureVerification.rejected(SignatureFailureKind.BAD_SIGNATURE, "not here");
        }
      };

  @TempDir Path temp;

  private final FakeOciRegistry registry = new FakeOciRegistry();
  private final ReferenceBlake3 blake3 = new ReferenceBlake3();
  private ReleasePublication publication;
  private Path release;

  @BeforeEach
  void release() throws Exception {
    publication = new ReleasePublication(registry, blake3, NO_VERIFIER);
    release = temp.resolve("release");
    Random random = new Random(21);
    StringBuilder sums = new StringBuilder();
    for (String name : List.of("x86_64/vmlinuz", "x86_64/initrd.img", "x86_64/rootfs.squashfs")) {
      Path file = release.resolve(name);
      Files.createDirectories(file.getParent());
      byte[] bytes = new byte[1 + random.nextInt(20_000)];
      random.nextBytes(bytes);
      Files.write(file, bytes);
      sums.append(blake3.hexOfFile(file)).append("  ").append(name).append('\n');
    }
    Files.writeString(release.resolve("B3SUMS"), sums.toString());
    Files.writeString(release.resolve("manifest.json"), "{\"format\": 2}\n");
    Files.createDirectories(release.resolve(".capsem-work"));
    Files.writeString(release.resolve(".capsem-work/scratch"), "not released");
  }

  @Test
  void push_releaseFolder_oneLayerPerVisibleFileWithTypeAndBlake3() throws Exception {
    PushOutcome pushed = publication.push(release, TARGET);

    assertThat(pushed.diagnostics()).isEmpty();
    assertThat(pushed.artifact().artifactType()).isEqualTo(ReleasePublication.ARTIFACT_TYPE);
    assertThat(pushed.artifact().layers())
        .extracting(layer -> layer.name() + " " + layer.mediaType())
        .containsExactly(
            "B3SUMS text/plain; charset=utf-8",
            "manifest.json application/json",
            "x86_64/initrd.img application/vnd.capsem.initrd.v1+gzip",
            "x86_64/rootfs.squashfs application/vnd.capsem.rootfs.v1.squashfs",
            "x86_64/vmlinuz application/vnd.capsem.kernel.v1");
    assertThat(pushed.artifact().layers().get(4).annotations())
        .containsEntry(
            ReleasePublication.BLAKE3_ANNOTATION,
            blake3.hexOfFile(release.resolve("x86_64/vmlinuz")));
  }

  @Test
  void pull_pushedRelease_sameFilesAndWarnsWithoutPublicKey() throws Exception {
    publication.push(release, TARGET);
    Path target = temp.resolve("pulled");

    PullOutcome pulled = publication.pull(TARGET, target, null);

    assertThat(pulled.ok()).isTrue();
    assertThat(codes(pulled.diagnostics())).containsExactly(Code.W550);
    for (String name :
        List.of("B3SUMS", "manifest.json", "x86_64/vmlinuz", "x86_64/rootfs.squashfs")) {
      assertThat(target.resolve(name)).hasSameBinaryContentAs(release.resolve(name));
    }
    assertThat(target.resolve(".capsem-work")).doesNotExist();
    assertThat(Files.list(temp).map(p -> p.getFileName().toString()))
        .containsExactlyInAnyOrder("release", "pulled");
  }

  @Test
  void push_fileDiffersFromB3Sums_isRefusedWithE558BeforeAnyUpload() throws Exception {
    Files.writeString(release.resolve("x86_64/vmlinuz"), "rebuilt after B3SUMS was written");

    PushOutcome pushed = publication.push(release, TARGET);

    assertThat(codes(pushed.diagnostics())).containsExactly(Code.E558);
    assertThat(pushed.diagnostics().get(0).message())
        .contains("x86_64/vmlinuz")
        .contains("B3SUMS says");
    assertThat(pushed.artifact()).isNull();
  }

  @Test
  void pull_corruptedBlob_failsWithE554AndLeavesNothing() throws Exception {
    PushOutcome pushed = publication.push(release, TARGET);
    registry.corruptBlob(pushed.artifact().layers().get(3).digest());
    Path target = temp.resolve("pulled");

    PullOutcome pulled = publication.pull(TARGET, target, null);

    assertThat(codes(pulled.diagnostics())).containsExactly(Code.E554);
    assertThat(target).doesNotExist();
    assertThat(Files.list(temp).map(p -> p.getFileName().toString())).containsExactly("release");
  }

  @Test
  void pull_nonEmptyTarget_isRefusedWithE558() throws Exception {
    publication.push(release, TARGET);
    Path target = Files.createDirectories(temp.resolve("pulled"));
    Files.writeString(target.resolve("old.txt"), "old");

    PullOutcome pulled = publication.pull(TARGET, target, null);

    assertThat(codes(pulled.diagnostics())).containsExactly(Code.E558);
    assertThat(target.resolve("old.txt")).hasContent("old");
  }

  @Test
  void pushAndPull_referenceWithoutRegistry_E550() {
    assertThat(codes(publication.push(release, "corp/release:1").diagnostics()))
        .containsExactly(Code.E550);
    assertThat(codes(publication.pull("Not A Reference", temp.resolve("x"), null).diagnostics()))
        .containsExactly(Code.E550);
  }

  @Test
  void pull_unknownTag_E553() {
    PullOutcome pulled = publication.pull("registry.test/corp/none:1", temp.resolve("x"), null);

    assertThat(codes(pulled.diagnostics())).containsExactly(Code.E553);
  }

  @Test
  void blobUrl_registryAndLoopback_httpsOrHttp() {
    String digest = "sha256:" + "ab".repeat(32);

    assertThat(RegistryUrls.blobUrl(dev.capsem.core.ports.OciReference.parse(TARGET), digest))
        .isEqualTo("https://registry.test/v2/corp/capsem-release/blobs/" + digest);
    assertThat(
            RegistryUrls.blobUrl(
                dev.capsem.core.ports.OciReference.parse("127.0.0.1:5000/corp/r:1"), digest))
        .isEqualTo("http://127.0.0.1:5000/v2/corp/r/blobs/" + digest);
  }

  private static List<Code> codes(List<Diagnostic> diagnostics) {
    return diagnostics.stream().map(Diagnostic::code).toList();
  }
}

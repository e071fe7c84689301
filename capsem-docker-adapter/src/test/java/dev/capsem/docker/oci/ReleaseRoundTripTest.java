package dev.capsem.docker.oci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.io.Sha256;
import dev.capsem.core.internal.oci.PullOutcome;
import dev.capsem.core.internal.oci.PushOutcome;
import dev.capsem.core.internal.oci.ReleasePublication;
import dev.capsem.core.internal.provenance.BuildParameters;
import dev.capsem.core.internal.provenance.Dependency;
import dev.capsem.core.internal.provenance.Expectations;
import dev.capsem.core.internal.provenance.Provenance;
import dev.capsem.core.internal.provenance.ProvenanceInputs;
import dev.capsem.core.internal.provenance.ProvenanceVerification;
import dev.capsem.core.ports.ArtifactLayer;
import dev.capsem.core.ports.GeneratedKeyPair;
import dev.capsem.core.ports.KeyProtection;
import dev.capsem.core.ports.OciReference;
import dev.capsem.core.ports.PasswordSource;
import dev.capsem.core.ports.SignatureComments;
import dev.capsem.core.ports.Signer;
import dev.capsem.core.ports.SigningKey;
import dev.capsem.signing.Blake3;
import dev.capsem.signing.Minisign;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A signed release with provenance, pushed through jib-core to a real {@code docker-registry},
 * pulled into an empty folder and verified with the real minisign adapter and BLAKE3; a blob
 * altered in the registry's storage is caught at pull.
 */
class ReleaseRoundTripTest {

  private static final String BUILDER = "https://ci.example.com/capsem/runner@v1";

  @TempDir Path temp;

  private LocalRegistry server;
  private ReleasePublication publication;
  private Path release;
  private Path publicKey;

  @BeforeEach
  void signedRelease() throws Exception {
    server = LocalRegistry.start(temp, false, false);
    publication =
        new ReleasePublication(
            OciRegistries.jib(RegistryAccess.anonymous(), null),
            Blake3.hasher(),
            Minisign.verifier());
    release = Files.createDirectories(temp.resolve("release"));
    Random random = new Random(5);
    List<String> files =
        List.of(
            "x86_64/vmlinuz",
            "x86_64/initrd.img",
            "x86_64/rootfs.squashfs",
            "manifest.json",
            "x86_64/guest-sbom.spdx.json",
            "corp-dev-2026.0521.1.json",
            "catalog.json");
    StringBuilder sums = new StringBuilder();
    for (String name : files) {
      Path file = release.resolve(name);
      Files.createDirectories(file.getParent());
      byte[] bytes = new byte[1 + random.nextInt(300_000)];
      random.nextBytes(bytes);
      Files.write(file, bytes);
      if (name.startsWith("x86_64/") && !name.endsWith(".json")) {
        sums.append(Blake3.hasher().hexOfFile(file)).append("  ").append(name).append('\n');
      }
    }
    Files.writeString(release.resolve("B3SUMS"), sums.toString());
    GeneratedKeyPair pair =
        Minisign.keyGenerator(SecureRandom.getInstance("SHA1PRNG"))
            .generate(KeyProtection.unencrypted());
    publicKey = temp.resolve("minisign.pub");
    Files.writeString(publicKey, pair.publicKeyText());
    List<String> subjects = new ArrayList<>(files);
    subjects.add("B3SUMS");
    try (SigningKey key =
        Minisign.signer()
            .open(pair.secretKeyText().getBytes(StandardCharsets.UTF_8), PasswordSource.none())) {
      for (String name :
          List.of(
              "x86_64/vmlinuz",
              "x86_64/initrd.img",
              "x86_64/rootfs.squashfs",
              "corp-dev-2026.0521.1.json",
              "catalog.json")) {
        Path file = release.resolve(name);
        key.signFile(
            file,
            SignatureComments.defaults(file.getFileName().toString(), 1779364800L),
            Signer.defaultSignatureFile(file));
      }
      Provenance.write(
          new ProvenanceInputs(
              Provenance.subjects(release, subjects, Blake3.hasher()),
              new BuildParameters(
                  "profiles/corp-dev.profile.toml",
                  Sha256.hex("profile".getBytes(StandardCharsets.UTF_8)),
                  List.of("x86_64"),
                  Map.of()),
              Map.of("SOURCE_DATE_EPOCH", "1779364800"),
              List.of(Dependency.guestKit("0.1.0")),
              BUILDER,
              Map.of("capsem-java", "0.1.0-SNAPSHOT"),
              "urn:uuid:00000000-0000-4000-8000-000000000005",
              Instant.parse("2026-05-21T12:00:00Z"),
              Instant.parse("2026-05-21T12:10:00Z")),
          key,
          release.resolve(Provenance.FILE_NAME));
    }
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void pushPullVerify_signedReleaseWithProvenance_passesEveryCheck() throws Exception {
    String target = server.address() + "/corp/capsem-release:2026.0521.1";
    PushOutcome pushed = publication.push(release, target);
    assertThat(pushed.diagnostics()).isEmpty();

    Path pulled = temp.resolve("pulled");
    PullOutcome outcome = publication.pull(target, pulled, publicKey);

    assertThat(outcome.diagnostics()).isEmpty();
    assertThat(outcome.signaturesVerified()).isEqualTo(5);
    assertThat(outcome.artifact().manifestDigest()).isEqualTo(pushed.artifact().manifestDigest());
    assertThat(outcome.artifact().layers()).hasSize(14);
    for (ArtifactLayer layer : pushed.artifact().layers()) {
      assertThat(pulled.resolve(layer.name()))
          .hasSameBinaryContentAs(release.resolve(layer.name()));
    }
    ProvenanceVerification provenance =
        Provenance.verify(
            pulled.resolve(Provenance.FILE_NAME),
            Files.readAllBytes(publicKey),
            pulled,
            new Expectations(BUILDER, null),
            Blake3.hasher(),
            Minisign.rawVerifier());
    assertThat(provenance.diagnostics()).isEmpty();
    assertThat(provenance.subjects()).isEqualTo(8);
  }

  @Test
  void pull_blobTamperedInRegistryStorage_failsWithE554AndPlacesNothing() throws Exception {
    String target = server.address() + "/corp/capsem-release:tampered";
    PushOutcome pushed = publication.push(release, target);
    ArtifactLayer rootfs =
        pushed.artifact().layers().stream()
            .filter(layer -> layer.name().equals("x86_64/rootfs.squashfs"))
            .findFirst()
            .orElseThrow();
    Path data = server.blobData(rootfs.digest());
    byte[] bytes = Files.readAllBytes(data);
    bytes[12345] ^= 0x01;
    Files.write(data, bytes);

    Path pulled = temp.resolve("pulled");
    PullOutcome outcome = publication.pull(target, pulled, publicKey);

    assertThat(outcome.diagnostics()).extracting(Diagnostic::code).containsExactly(Code.E554);
    assertThat(outcome.diagnostics().get(0).message()).contains("x86_64/rootfs.squashfs");
    assertThat(pulled).doesNotExist();
    assertThat(outcome.ok()).isFalse();
  }

  @Test
  void pull_signatureReplacedBeforePush_failsWithE556() throws Exception {
    Files.writeString(
        release.resolve("catalog.json.minisig"),
        Files.readString(release.resolve("corp-dev-2026.0521.1.json.minisig")));
    String target = server.address() + "/corp/capsem-release:bad-signature";
    publication.push(release, target);

    PullOutcome outcome = publication.pull(target, temp.resolve("pulled"), publicKey);

    assertThat(outcome.diagnostics()).extracting(Diagnostic::code).containsExactly(Code.E556);
    assertThat(outcome.diagnostics().get(0).path()).isEqualTo("catalog.json.minisig");
  }

  @Test
  void resolveDigest_pushedTag_matchesPushedManifest() throws Exception {
    String target = server.address() + "/corp/capsem-release:resolve";
    PushOutcome pushed = publication.push(release, target);

    String digest =
        OciRegistries.jib(RegistryAccess.anonymous(), null)
            .resolveDigest(OciReference.parse(target));

    assertThat(digest).isEqualTo(pushed.artifact().manifestDigest());
  }
}

package dev.capsem.signing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.io.Sha256;
import dev.capsem.core.internal.provenance.BuildParameters;
import dev.capsem.core.internal.provenance.Dsse;
import dev.capsem.core.internal.provenance.Expectations;
import dev.capsem.core.internal.provenance.Provenance;
import dev.capsem.core.internal.provenance.ProvenanceInputs;
import dev.capsem.core.internal.provenance.ProvenanceVerification;
import dev.capsem.core.ports.GeneratedKeyPair;
import dev.capsem.core.ports.PasswordSource;
import dev.capsem.core.ports.RawSignatureVerifier.RawVerification;
import dev.capsem.core.ports.SignatureFailureKind;
import dev.capsem.core.ports.SigningKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DSSE provenance signed with the release's minisign key, opened by this adapter: a key made by the
 * real {@code minisign -G} (unencrypted and scrypt-encrypted) and one made by our generator.
 */
class ProvenanceSigningTest {

  private static final String PASSWORD = "provenance password";

  @TempDir Path dir;

  @Test
  void provenance_keyFromMinisignG_roundTripsAndTamperIsCaught() throws Exception {
    MinisignCli minisign = MinisignCli.require();
    MinisignCli.Result made = minisign.run(dir, "", "-G", "-W", "-p", "mini.pub", "-s", "mini.key");
    assertThat(made.exitCode()).as(made.stderr()).isZero();

    try (SigningKey key = Minisign.signer().open(dir.resolve("mini.key"), PasswordSource.none())) {
      roundTrip(key, Files.readAllBytes(dir.resolve("mini.pub")));
    }
  }

  @Test
  void provenance_encryptedKeyFromMinisignG_roundTrips() throws Exception {
    MinisignCli minisign = MinisignCli.require();
    MinisignCli.Result made =
        minisign.run(
            dir, PASSWORD + "\n" + PASSWORD + "\n", "-G", "-p", "mini.pub", "-s", "mini.key");
    assertThat(made.exitCode()).as(made.stderr()).isZero();

    try (SigningKey key =
        Minisign.signer()
            .open(dir.resolve("mini.key"), PasswordSource.of(PASSWORD.toCharArray()))) {
      roundTrip(key, Files.readAllBytes(dir.resolve("mini.pub")));
    }
  }

  @Test
  void provenance_keyFromOurGenerator_roundTripsAndTamperIsCaught() throws Exception {
    GeneratedKeyPair pair = TestKeys.unencrypted(42);

    try (SigningKey key = TestKeys.open(pair)) {
      roundTrip(key, pair.publicKeyText().getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void verifyRaw_minisignPrehashedSignatureBytes_doNotVerifyAsRaw() throws Exception {
    // ED signs BLAKE2b-512(message); a raw verifier must not accept it for the message itself.
    GeneratedKeyPair pair = TestKeys.unencrypted(43);
    byte[] message = "DSSEv1 4 text 5 hello".getBytes(StandardCharsets.UTF_8);
    byte[] prehashedSignature;
    try (SigningKey key = TestKeys.open(pair)) {
      prehashedSignature = key.signRaw(MinisignFormat.prehash(message));
    }

    RawVerification outcome =
        Minisign.rawVerifier()
            .verifyRaw(
                message, prehashedSignature, pair.publicKeyText().getBytes(StandardCharsets.UTF_8));

    assertThat(outcome.ok()).isFalse();
    assertThat(outcome.failure().kind()).isEqualTo(SignatureFailureKind.BAD_SIGNATURE);
    assertThat(outcome.keyId()).isEqualTo(pair.keyId());
  }

  private void roundTrip(SigningKey key, byte[] publicKey) throws Exception {
    Path release = Files.createDirectories(dir.resolve("release-" + key.keyId().hex()));
    Files.writeString(release.resolve("catalog.json"), "{\"format\": 1}\n");
    Files.createDirectories(release.resolve("x86_64"));
    Files.write(release.resolve("x86_64/vmlinuz"), new byte[] {1, 2, 3, 4, 5});
    Path envelope = release.resolve(Provenance.FILE_NAME);
    Dsse.Envelope signed =
        Provenance.write(
            new ProvenanceInputs(
                Provenance.subjects(
                    release, List.of("catalog.json", "x86_64/vmlinuz"), Blake3.hasher()),
                new BuildParameters(
                    "profiles/p.toml", Sha256.hex(new byte[] {7}), List.of("x86_64"), Map.of()),
                Map.of(),
                List.of(),
                "https://ci.example.com/runner",
                Map.of(),
                "run-1",
                Instant.parse("2026-05-21T12:00:00Z"),
                Instant.parse("2026-05-21T12:00:01Z")),
            key,
            envelope);

    assertThat(signed.signatures())
        .singleElement()
        .satisfies(s -> assertThat(s.keyid()).isEqualTo(key.keyId().hex()));
    ProvenanceVerification ok = verify(envelope, publicKey, release);
    assertThat(ok.diagnostics()).isEmpty();
    assertThat(ok.keyId()).isEqualTo(key.keyId().hex());

    Files.write(release.resolve("x86_64/vmlinuz"), new byte[] {1, 2, 3, 4, 6});
    assertThat(verify(envelope, publicKey, release).diagnostics())
        .extracting(Diagnostic::code)
        .containsExactly(Code.E563, Code.E563);

    Files.write(release.resolve("x86_64/vmlinuz"), new byte[] {1, 2, 3, 4, 5});
    String text = Files.readString(envelope);
    int sig = text.indexOf("\"sig\":\"") + 7;
    char flipped = text.charAt(sig + 10) == 'A' ? 'B' : 'A';
    Files.writeString(envelope, text.substring(0, sig + 10) + flipped + text.substring(sig + 11));
    assertThat(verify(envelope, publicKey, release).diagnostics())
        .extracting(Diagnostic::code)
        .containsExactly(Code.E561);
  }

  private static ProvenanceVerification verify(Path envelope, byte[] publicKey, Path release)
      throws Exception {
    return Provenance.verify(
        envelope, publicKey, release, Expectations.none(), Blake3.hasher(), Minisign.rawVerifier());
  }
}

package dev.capsem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.diag.Code;
import dev.capsem.core.internal.compat.GateRefusal;
import dev.capsem.core.internal.compat.InstallDecision;
import dev.capsem.core.internal.compat.InstallRequest;
import dev.capsem.core.internal.compat.ProfileAction;
import dev.capsem.core.internal.compat.ProfileGateRequest;
import dev.capsem.core.internal.compat.ProfileInstallGate;
import dev.capsem.core.internal.manifest.CatalogRevision;
import dev.capsem.core.internal.manifest.RevisionStatus;
import dev.capsem.core.testing.Conformance;
import dev.capsem.signing.Blake3;
import dev.capsem.signing.Minisign;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The install gate with the real adapters on upstream's signed fixture (everyday-work@2026.0520.1,
 * key 9C194CA9E85EBF10), in the spec's order: status, binary range, signature, hash, identity.
 */
class ProfileInstallGateTest {

  private static final String HASH =
      "blake3:20dfe4780ad3a874f39152c3247c5bbab04a21135f3c656f872f41759953c9b8";
  private final ProfileInstallGate gate =
      new ProfileInstallGate(Blake3.hasher(), Minisign.verifier());

  private InstallDecision install(
      String id, String revision, RevisionStatus status, String min, String hash, byte[] payload) {
    CatalogRevision record =
        new CatalogRevision(
            status,
            min,
            null,
            "https://x.invalid/p.json",
            hash,
            "https://x.invalid/p.json.minisig");
    return gate.verify(
        new InstallRequest(
            new ProfileGateRequest(
                id, revision, record, "1.0.1776688771", ProfileAction.INSTALL_OR_UPDATE),
            payload,
            false,
            Conformance.bytes("schemas/fixtures/profile-v2-valid.json.minisig"),
            Conformance.bytes("schemas/fixtures/profile-v2-test.pub")));
  }

  private static byte[] fixture() {
    return Conformance.bytes("schemas/fixtures/profile-v2-valid.json");
  }

  private static GateRefusal refusal(InstallDecision decision) {
    return ((InstallDecision.Refused) decision).refusal();
  }

  @Test
  void verify_signedFixture_isInstallable() {
    InstallDecision decision =
        install("everyday-work", "2026.0520.1", RevisionStatus.ACTIVE, "1.0.0", HASH, fixture());
    assertThat(decision).isInstanceOf(InstallDecision.Installable.class);
    assertThat(((InstallDecision.Installable) decision).profile().reference())
        .isEqualTo("everyday-work@2026.0520.1");
  }

  @Test
  void verify_deprecated_isRefusedByStatusFirst() {
    assertThat(
            refusal(
                install(
                    "everyday-work",
                    "2026.0520.1",
                    RevisionStatus.DEPRECATED,
                    "9.0.0",
                    HASH,
                    fixture())))
        .isEqualTo(
            new GateRefusal(
                Code.E413,
                "profile 'everyday-work' revision '2026.0520.1' has status 'deprecated' and cannot be installed or updated"));
  }

  @Test
  void verify_binaryTooOld_isRefusedBeforeTheSignature() {
    assertThat(
            refusal(
                    install(
                        "everyday-work",
                        "2026.0520.1",
                        RevisionStatus.ACTIVE,
                        "1.1.0",
                        HASH,
                        fixture()))
                .code())
        .isEqualTo(Code.E412);
  }

  @Test
  void verify_tamperedPayload_failsItsSignatureBeforeItsHash() {
    byte[] tampered =
        new String(fixture(), StandardCharsets.UTF_8)
            .replace("Everyday Work", "Tampered Work")
            .getBytes(StandardCharsets.UTF_8);
    assertThat(
            refusal(
                install(
                    "everyday-work",
                    "2026.0520.1",
                    RevisionStatus.ACTIVE,
                    "1.0.0",
                    HASH,
                    tampered)))
        .isEqualTo(new GateRefusal(Code.E414, "profile payload signature verification failed"));
  }

  @Test
  void verify_catalogHashDiffers_isHashMismatch() {
    String other = "blake3:" + "0".repeat(64);
    assertThat(
            refusal(
                    install(
                        "everyday-work",
                        "2026.0520.1",
                        RevisionStatus.ACTIVE,
                        "1.0.0",
                        other,
                        fixture()))
                .message())
        .isEqualTo(
            "profile payload hash mismatch for 'everyday-work@2026.0520.1' (expected "
                + other
                + ", got "
                + HASH
                + ")");
  }

  @Test
  void verify_otherIdentity_isRefused() {
    assertThat(
            refusal(
                    install(
                        "corp-dev", "2026.0520.1", RevisionStatus.ACTIVE, "1.0.0", HASH, fixture()))
                .message())
        .isEqualTo("profile payload id 'everyday-work' does not match manifest profile 'corp-dev'");
    assertThat(
            refusal(
                    install(
                        "everyday-work",
                        "2026.0520.2",
                        RevisionStatus.ACTIVE,
                        "1.0.0",
                        HASH,
                        fixture()))
                .message())
        .isEqualTo(
            "profile payload revision '2026.0520.1' does not match manifest revision '2026.0520.2'");
  }
}

package dev.capsem.core.internal.compat;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.profile.Profile;
import dev.capsem.core.internal.profile.ProfileCheck;
import dev.capsem.core.internal.profile.ProfileReader;
import dev.capsem.core.internal.schema.InputDocument;
import dev.capsem.core.ports.Hasher;
import dev.capsem.core.ports.SignatureVerifier;
import dev.capsem.core.ports.VerifyOptions;

/**
 * Whether a fetched payload may be installed (spec §2.3), checking in this order and stopping at
 * the first failure: status, binary range, payload signature (prehashed only, the runtime's rules),
 * payload hash, Profile V2 validity, identity. The signature comes before everything read from the
 * payload, so nothing unauthenticated is parsed.
 */
public final class ProfileInstallGate {

  private final Hasher hasher;
  private final SignatureVerifier verifier;

  public ProfileInstallGate(Hasher hasher, SignatureVerifier verifier) {
    this.hasher = hasher;
    this.verifier = verifier;
  }

  public InstallDecision verify(InstallRequest request) {
    ProfileGateRequest gate = request.gate();
    ProfileGateDecision allowed =
        ProfileGate.decide(
            new ProfileGateRequest(
                gate.profileId(),
                gate.revision(),
                gate.record(),
                gate.binaryVersion(),
                ProfileAction.INSTALL_OR_UPDATE));
    if (allowed instanceof ProfileGateDecision.Refused refused) {
      return new InstallDecision.Refused(refused.refusal());
    }
    byte[] payload = request.payload();
    if (!verifier
        .verify(payload, request.signature(), request.publicKey(), VerifyOptions.runtime())
        .ok()) {
      return refused("profile payload signature verification failed");
    }
    String reference = gate.profileId() + "@" + gate.revision();
    String actual = "blake3:" + hasher.hex(payload);
    String expected = gate.record().profileHash();
    if (!actual.equals(expected)) {
      return refused(
          "profile payload hash mismatch for '"
              + reference
              + "' (expected "
              + expected
              + ", got "
              + actual
              + ")");
    }
    ProfileCheck check =
        ProfileReader.check(
            InputDocument.parse(payload, reference, !request.payloadIsToml()), reference);
    if (!check.ok()) {
      Diagnostic first = check.diagnostics().stream().filter(Diagnostic::isError).findFirst().get();
      String where = first.path().isEmpty() ? "" : first.path() + ": ";
      return refused("profile payload schema validation failed: " + where + first.message());
    }
    Profile profile = check.profile();
    if (!profile.id().equals(gate.profileId())) {
      return refused(
          "profile payload id '"
              + profile.id()
              + "' does not match manifest profile '"
              + gate.profileId()
              + "'");
    }
    if (!profile.revision().equals(gate.revision())) {
      return refused(
          "profile payload revision '"
              + profile.revision()
              + "' does not match manifest revision '"
              + gate.revision()
              + "'");
    }
    return new InstallDecision.Installable(profile, actual);
  }

  private static InstallDecision refused(String message) {
    return new InstallDecision.Refused(new GateRefusal(Code.E414, message));
  }
}

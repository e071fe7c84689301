package dev.capsem.core.internal.compat;

import dev.capsem.core.diag.Code;
import dev.capsem.core.internal.manifest.CatalogRevision;
import dev.capsem.core.internal.manifest.RevisionStatus;

/**
 * The catalog gates of decision D8 (spec §2.3): a revision's status decides what it may still be
 * used for, and its {@code min_binary}/{@code max_binary} range must contain the running binary,
 * which upstream validates but never enforces. Status is checked before compatibility, so a
 * deprecated revision is refused for installs with the status message even when it is also out of
 * range.
 */
public final class ProfileGate {

  private ProfileGate() {}

  /** {@code version_at_least(B, min) ∧ (max absent or "" ∨ version_at_least(max, B))}. */
  public static boolean compatible(CatalogRevision record, String binaryVersion) {
    return Versions.atLeast(binaryVersion, record.minBinary())
        && (record.maxBinary() == null
            || record.maxBinary().isEmpty()
            || Versions.atLeast(record.maxBinary(), binaryVersion));
  }

  public static ProfileGateDecision decide(ProfileGateRequest request) {
    RevisionStatus status = request.record().status();
    String subject = "profile '" + request.profileId() + "' revision '" + request.revision() + "'";
    switch (request.action()) {
      case INSTALL_OR_UPDATE -> {
        if (!status.allowsInstallOrUpdate()) {
          return refused(
              Code.E413,
              subject
                  + " has status '"
                  + status.wireName()
                  + "' and cannot be installed or updated",
              false);
        }
      }
      case NEW_VM -> {
        if (!status.allowsNewVm()) {
          return refused(
              Code.E413,
              subject + " has status '" + status.wireName() + "' and cannot start new VMs",
              false);
        }
      }
      case EXISTING_VM -> {
        if (!status.allowsExistingVm()) {
          return refused(
              Code.E413,
              subject + " has status '" + status.wireName() + "'; launching its VMs is blocked",
              true);
        }
      }
    }
    CatalogRevision record = request.record();
    String binary = request.binaryVersion();
    if (!Versions.atLeast(binary, record.minBinary())) {
      return refused(
          Code.E412,
          subject
              + " requires capsem binary >= "
              + record.minBinary()
              + " (running "
              + binary
              + ")",
          false);
    }
    if (record.maxBinary() != null
        && !record.maxBinary().isEmpty()
        && !Versions.atLeast(record.maxBinary(), binary)) {
      return refused(
          Code.E412,
          subject
              + " supports capsem binary <= "
              + record.maxBinary()
              + " (running "
              + binary
              + ")",
          false);
    }
    return new ProfileGateDecision.Allowed();
  }

  private static ProfileGateDecision refused(Code code, String message, boolean launchBlocked) {
    return new ProfileGateDecision.Refused(new GateRefusal(code, message), launchBlocked);
  }
}

package dev.capsem.core.internal.compat;

import dev.capsem.core.internal.profile.Profile;
import java.util.Objects;

/** The answer of {@link ProfileInstallGate}: {@link Installable} or {@link Refused}. */
public sealed interface InstallDecision
    permits InstallDecision.Installable, InstallDecision.Refused {

  boolean ok();

  /**
   * The payload is the catalog's revision, signed and intact.
   *
   * @param profile the validated profile
   * @param payloadHash {@code blake3:<hex>} of the payload
   */
  record Installable(Profile profile, String payloadHash) implements InstallDecision {

    public Installable {
      Objects.requireNonNull(profile, "profile");
      Objects.requireNonNull(payloadHash, "payloadHash");
    }

    @Override
    public boolean ok() {
      return true;
    }
  }

  /** Do not install, and why. */
  record Refused(GateRefusal refusal) implements InstallDecision {

    public Refused {
      Objects.requireNonNull(refusal, "refusal");
    }

    @Override
    public boolean ok() {
      return false;
    }
  }
}

package dev.capsem.core.internal.compat;

import java.util.Objects;

/** The answer of {@link ProfileGate}: {@link Allowed} or {@link Refused}. */
public sealed interface ProfileGateDecision
    permits ProfileGateDecision.Allowed, ProfileGateDecision.Refused {

  boolean ok();

  /** Go ahead. */
  record Allowed() implements ProfileGateDecision {
    @Override
    public boolean ok() {
      return true;
    }
  }

  /**
   * No, and why.
   *
   * @param refusal the code (E412 range, E413 status) and message
   * @param launchBlocked a revoked revision under an existing VM: the launch is blocked, the user
   *     gets a high-severity warning, and a reconciler removes the launchable state
   */
  record Refused(GateRefusal refusal, boolean launchBlocked) implements ProfileGateDecision {

    public Refused {
      Objects.requireNonNull(refusal, "refusal");
    }

    @Override
    public boolean ok() {
      return false;
    }
  }
}

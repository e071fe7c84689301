package dev.capsem.core.internal.enforcement;

import dev.capsem.core.internal.policycontext.PolicyContext;

/** Answers an {@code ask} rule: may this event go through? Without one, {@code ask} blocks. */
@FunctionalInterface
public interface ConfirmResolver {

  /** {@code true} to allow the event, {@code false} to block it. */
  boolean confirm(EnforcementRule rule, PolicyContext context);
}

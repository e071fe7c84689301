package dev.capsem.core.internal.enforcement;

import dev.capsem.core.internal.policycontext.PolicyContext;

/**
 * Decides on events with a pack's rules: lower priority first, ties to the lower rule id, the first
 * matching rule decides, {@code ask} without a resolver blocks, an evaluation error fails closed,
 * and an event no rule matches continues. Implementations are immutable and thread-safe.
 */
public interface PolicyEvaluator {

  /** The decision for {@code context}, with no confirm resolver ({@code ask} blocks). */
  Decision evaluate(PolicyContext context);

  /** The decision for {@code context}; {@code resolver} answers {@code ask} rules. */
  Decision evaluate(PolicyContext context, ConfirmResolver resolver);
}

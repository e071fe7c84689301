package dev.capsem.core.internal.enforcement;

/** What the caller must do with an event, once the rules have spoken. */
public enum Verdict {
  /**
   * Let it through: an {@code allow} rule matched, an {@code ask} was confirmed, or nothing
   * matched.
   */
  ALLOW,
  /** Stop it: a {@code block} rule, or an {@code ask} that nobody confirmed. */
  BLOCK,
  /** Let it through changed as the rule's {@link Rewrite} says. */
  REWRITE,
  /** A condition could not be evaluated; fail closed (the runtime's {@code enforcement_failed}). */
  ERROR;

  /** Whether the event must not go through unchanged-and-unblocked: block or error. */
  public boolean blocks() {
    return this == BLOCK || this == ERROR;
  }
}

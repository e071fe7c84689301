package dev.capsem.core.internal.enforcement;

import dev.capsem.core.internal.policycontext.EventFamily;
import java.util.Objects;

/**
 * One enforcement rule, whichever shape it was written in: a pack rule ({@code [[rules]]}) or a
 * profile rule ({@code [security.rules.<family>.<name>]}, whose id is {@code <family>.<name>}).
 *
 * @param family an event family ({@code http}, {@code dns}, ...) or {@code hook}
 * @param eventType the pack's {@code event_type} or the profile rule's {@code on}; informational,
 *     as upstream gates on the family only
 * @param priority lower runs first; ties go to the lower id
 * @param condition the CEL condition
 * @param rewrite what a {@code rewrite} decision changes, else {@code null}
 * @param reason why, shown with the decision, or {@code null}
 */
public record EnforcementRule(
    String id,
    String name,
    boolean enabled,
    String family,
    String eventType,
    long priority,
    String condition,
    RuleDecision decision,
    Rewrite rewrite,
    String reason) {

  public EnforcementRule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(condition, "condition");
    Objects.requireNonNull(decision, "decision");
  }

  /** The event family this rule gates on, or {@code null} for {@code hook} rules (never match). */
  public EventFamily eventFamily() {
    return EventFamily.named(family);
  }
}

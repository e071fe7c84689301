package dev.capsem.core.internal.enforcement;

import java.util.Map;
import java.util.Objects;

/**
 * The outcome of evaluating a pack's rules against one event (spec §1.3).
 *
 * @param verdict what to do
 * @param ruleId the rule that decided, or {@code null} when no rule matched (the event continues)
 * @param packId the pack that rule came from, or {@code null}
 * @param ruleDecision the rule's own decision ({@code ask} stays {@code ask} here), or {@code null}
 * @param reason the rule's reason; for an unconfirmed {@code ask}, the runtime's default-deny text;
 *     for an error, what failed; else {@code null}
 * @param matchedFields the fields the match was made on, as backtest rows report them
 * @param rewrite the rewrite to apply when the verdict is {@link Verdict#REWRITE}, else null
 */
public record Decision(
    Verdict verdict,
    String ruleId,
    String packId,
    RuleDecision ruleDecision,
    String reason,
    Map<String, Object> matchedFields,
    Rewrite rewrite) {

  /** The runtime's text for an {@code ask} that no confirm resolver can answer. */
  public static final String NO_RESOLVER =
      "default denied because no confirm resolver is configured";

  /** The runtime's block reason when the rule gives none. */
  public static final String BLOCKED = "blocked";

  public Decision {
    Objects.requireNonNull(verdict, "verdict");
    matchedFields = matchedFields == null ? Map.of() : Map.copyOf(matchedFields);
  }

  /** No rule matched: the event continues (the documented default). */
  static Decision continues() {
    return new Decision(Verdict.ALLOW, null, null, null, null, Map.of(), null);
  }

  /** Whether a rule decided (rather than the default). */
  public boolean matched() {
    return ruleId != null;
  }
}

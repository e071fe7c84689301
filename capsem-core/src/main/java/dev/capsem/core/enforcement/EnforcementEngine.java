package dev.capsem.core.enforcement;

import dev.capsem.core.policycontext.EventFamily;
import dev.capsem.core.policycontext.PolicyContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A compiled pack, ready to decide on events: enabled rules grouped by event family and sorted by
 * {@code (priority, id)}. The same object serves backtests ({@link #firstMatch}, where an
 * evaluation error is no match, as upstream's backtest treats it) and the runtime-facing {@link
 * #evaluate} (where an error fails closed). Immutable and thread-safe.
 */
public final class EnforcementEngine implements PolicyEvaluator {

  /** A rule, its place in the pack, and its compiled condition. */
  record Entry(int index, EnforcementRule rule, CompiledCondition condition) {}

  private static final Comparator<Entry> ORDER =
      Comparator.<Entry>comparingLong(e -> e.rule().priority()).thenComparing(e -> e.rule().id());

  private final EnforcementPack pack;
  private final Entry[][] byFamily;

  EnforcementEngine(EnforcementPack pack, List<CompiledCondition> conditions) {
    this.pack = pack;
    List<List<Entry>> families = new ArrayList<>();
    for (int f = 0; f < EventFamily.values().length; f++) {
      families.add(new ArrayList<>());
    }
    for (int i = 0; i < pack.rules().size(); i++) {
      EnforcementRule rule = pack.rules().get(i);
      EventFamily family = rule.eventFamily();
      if (rule.enabled() && family != null) {
        families.get(family.ordinal()).add(new Entry(i, rule, conditions.get(i)));
      }
    }
    byFamily = new Entry[families.size()][];
    for (int f = 0; f < byFamily.length; f++) {
      List<Entry> entries = families.get(f);
      entries.sort(ORDER);
      byFamily[f] = entries.toArray(Entry[]::new);
    }
  }

  public EnforcementPack pack() {
    return pack;
  }

  /**
   * The first rule that matches {@code context} in evaluation order, or {@code null}: the family
   * gate first (the rule's event family must be the event's; its {@code event_type} is not
   * compared, as upstream), then the conditions; an error is no match.
   */
  Entry firstMatch(PolicyContext context) {
    EventFamily family = context.family();
    if (family == null) {
      return null;
    }
    for (Entry entry : byFamily[family.ordinal()]) {
      if (entry.condition().evaluate(context) == Outcome.MATCH) {
        return entry;
      }
    }
    return null;
  }

  @Override
  public Decision evaluate(PolicyContext context) {
    return evaluate(context, null);
  }

  @Override
  public Decision evaluate(PolicyContext context, ConfirmResolver resolver) {
    EventFamily family = context.family();
    if (family == null) {
      return Decision.continues();
    }
    for (Entry entry : byFamily[family.ordinal()]) {
      Outcome outcome = entry.condition().evaluate(context);
      if (outcome == Outcome.NO_MATCH) {
        continue;
      }
      EnforcementRule rule = entry.rule();
      if (outcome == Outcome.ERROR) {
        String failure = entry.condition().failure(context);
        return new Decision(
            Verdict.ERROR,
            rule.id(),
            pack.id(),
            rule.decision(),
            "rule " + rule.id() + " " + (failure == null ? "CEL evaluation failed" : failure),
            Map.of(),
            null);
      }
      return decide(entry, context, resolver);
    }
    return Decision.continues();
  }

  private Decision decide(Entry entry, PolicyContext context, ConfirmResolver resolver) {
    EnforcementRule rule = entry.rule();
    Map<String, Object> fields = entry.condition().matchedFields(context);
    return switch (rule.decision()) {
      case ALLOW ->
          new Decision(
              Verdict.ALLOW, rule.id(), pack.id(), rule.decision(), rule.reason(), fields, null);
      case BLOCK ->
          new Decision(
              Verdict.BLOCK,
              rule.id(),
              pack.id(),
              rule.decision(),
              rule.reason() == null ? Decision.BLOCKED : rule.reason(),
              fields,
              null);
      case REWRITE ->
          new Decision(
              Verdict.REWRITE,
              rule.id(),
              pack.id(),
              rule.decision(),
              rule.reason(),
              fields,
              rule.rewrite());
      case ASK -> {
        if (resolver != null) {
          boolean allowed = resolver.confirm(rule, context);
          yield new Decision(
              allowed ? Verdict.ALLOW : Verdict.BLOCK,
              rule.id(),
              pack.id(),
              rule.decision(),
              rule.reason(),
              fields,
              null);
        }
        yield new Decision(
            Verdict.BLOCK,
            rule.id(),
            pack.id(),
            rule.decision(),
            rule.reason() == null
                ? Decision.NO_RESOLVER
                : rule.reason() + "; " + Decision.NO_RESOLVER,
            fields,
            null);
      }
    };
  }
}

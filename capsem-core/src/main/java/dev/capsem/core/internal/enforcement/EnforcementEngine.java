package dev.capsem.core.internal.enforcement;

import dev.capsem.core.internal.policycontext.EventFamily;
import dev.capsem.core.internal.policycontext.PolicyContext;
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
  private final FamilyRules[] byFamily;

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
    byFamily = new FamilyRules[families.size()];
    for (int f = 0; f < byFamily.length; f++) {
      List<Entry> entries = families.get(f);
      entries.sort(ORDER);
      byFamily[f] = new FamilyRules(entries.toArray(Entry[]::new));
    }
  }

  /**
   * One family's enabled rules in evaluation order, indexed by the field most of them test for
   * equality with a text ({@code http.request.host == "x"}): for an event, only the rules whose
   * text is the event's value, and the rules without such a test, are evaluated, still in order. A
   * skipped rule could only have been false, so the outcome is the same; when the field cannot be
   * read (an error) every rule is evaluated.
   */
  private static final class FamilyRules {
    private final Entry[] entries;
    private final int[] all;
    private final FastCondition.IndexKey key;
    private final int[] unkeyed;
    private final Map<String, int[]> byValue;

    FamilyRules(Entry[] entries) {
      this.entries = entries;
      this.all = java.util.stream.IntStream.range(0, entries.length).toArray();
      Map<String, Integer> usage = new java.util.HashMap<>();
      for (Entry entry : entries) {
        FastCondition.IndexKey k = entry.condition().indexKey();
        if (k != null) {
          usage.merge(k.path(), 1, Integer::sum);
        }
      }
      String path =
          usage.entrySet().stream()
              .filter(e -> e.getValue() >= 2)
              .max(
                  Map.Entry.<String, Integer>comparingByValue()
                      .thenComparing(Map.Entry.comparingByKey()))
              .map(Map.Entry::getKey)
              .orElse(null);
      FastCondition.IndexKey chosen = null;
      List<Integer> rest = new ArrayList<>();
      Map<String, List<Integer>> keyed = new java.util.LinkedHashMap<>();
      for (int i = 0; i < entries.length; i++) {
        FastCondition.IndexKey k = entries[i].condition().indexKey();
        if (path != null && k != null && k.path().equals(path)) {
          chosen = chosen == null ? k : chosen;
          keyed.computeIfAbsent(k.constant(), c -> new ArrayList<>()).add(i);
        } else {
          rest.add(i);
        }
      }
      this.key = chosen;
      this.unkeyed = rest.stream().mapToInt(Integer::intValue).toArray();
      Map<String, int[]> merged = new java.util.HashMap<>();
      for (Map.Entry<String, List<Integer>> e : keyed.entrySet()) {
        merged.put(
            e.getKey(),
            java.util.stream.IntStream.concat(
                    java.util.Arrays.stream(unkeyed),
                    e.getValue().stream().mapToInt(Integer::intValue))
                .sorted()
                .toArray());
      }
      this.byValue = merged;
    }

    /** The positions of the rules that may match {@code context}, in evaluation order. */
    int[] candidates(PolicyContext context) {
      if (key == null) {
        return all;
      }
      Object value = FastCondition.valueAt(key, context);
      if (FastCondition.isError(value)) {
        return all;
      }
      int[] positions = value instanceof String text ? byValue.get(text) : null;
      return positions != null ? positions : unkeyed;
    }

    Entry entry(int position) {
      return entries[position];
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
    return firstMatch(context, null);
  }

  /**
   * As {@link #firstMatch(PolicyContext)}, telling {@code failed} about every rule whose condition
   * could not be evaluated on the way (an error is still no match, as upstream's backtest has it).
   */
  Entry firstMatch(PolicyContext context, java.util.function.Consumer<Entry> failed) {
    EventFamily family = context.family();
    if (family == null) {
      return null;
    }
    FamilyRules rules = byFamily[family.ordinal()];
    for (int position : rules.candidates(context)) {
      Entry entry = rules.entry(position);
      ConditionResult outcome = entry.condition().evaluate(context);
      if (outcome == ConditionResult.MATCH) {
        return entry;
      }
      if (outcome == ConditionResult.ERROR && failed != null) {
        failed.accept(entry);
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
    FamilyRules rules = byFamily[family.ordinal()];
    for (int position : rules.candidates(context)) {
      Entry entry = rules.entry(position);
      ConditionResult outcome = entry.condition().evaluate(context);
      if (outcome == ConditionResult.NO_MATCH) {
        continue;
      }
      EnforcementRule rule = entry.rule();
      if (outcome == ConditionResult.ERROR) {
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

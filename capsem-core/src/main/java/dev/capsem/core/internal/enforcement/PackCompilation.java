package dev.capsem.core.internal.enforcement;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.Position;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Every rule of a pack compiled, enabled or not (upstream compiles all of them): the compiled
 * conditions, and one diagnostic per rule that does not compile, in rule order.
 */
public final class PackCompilation {

  private final EnforcementPack pack;
  private final List<CompiledCondition> conditions;
  private final List<Diagnostic> problems;

  private PackCompilation(
      EnforcementPack pack, List<CompiledCondition> conditions, List<Diagnostic> problems) {
    this.pack = pack;
    this.conditions = Collections.unmodifiableList(conditions);
    this.problems = List.copyOf(problems);
  }

  /** Compiles every rule of {@code pack} with {@code compiler} (and its cache). */
  public static PackCompilation compile(EnforcementPack pack, ConditionCompiler compiler) {
    List<CompiledCondition> conditions = new ArrayList<>();
    List<Diagnostic> problems = new ArrayList<>();
    for (int i = 0; i < pack.rules().size(); i++) {
      EnforcementRule rule = pack.rules().get(i);
      Object compiled = compiler.compile(rule);
      if (compiled instanceof CompiledCondition condition) {
        conditions.add(condition);
      } else {
        conditions.add(null);
        problems.add(diagnostic(rule, pack.source(i), (ConditionFailure) compiled));
      }
    }
    return new PackCompilation(pack, conditions, problems);
  }

  static Diagnostic diagnostic(EnforcementRule rule, RuleSource source, ConditionFailure failure) {
    Position position = failure.offset() < 0 ? source.at(0) : source.at(failure.offset());
    return new Diagnostic(
        failure.code(),
        source.file(),
        source.conditionPath(),
        position,
        failure.message(rule.id()));
  }

  public EnforcementPack pack() {
    return pack;
  }

  /** One diagnostic per rule that does not compile, in rule order. */
  public List<Diagnostic> problems() {
    return problems;
  }

  public boolean ok() {
    return problems.isEmpty();
  }

  /** The evaluator of this pack; only a pack whose every rule compiled has one. */
  public EnforcementEngine engine() {
    if (!ok()) {
      throw new IllegalStateException("pack " + pack.id() + " has rules that do not compile");
    }
    return new EnforcementEngine(pack, conditions);
  }

  /** The compiled condition of rule {@code index}, or {@code null} when it did not compile. */
  CompiledCondition condition(int index) {
    return conditions.get(index);
  }
}

package dev.capsem.core.internal.enforcement;

import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.json.StringNode;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelExpr.ExprKind.Kind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * A select/index chain that starts at a free identifier, such as {@code
 * model.request.tool_calls[0].name}: its root, its steps, and its text as written.
 *
 * @param root the identifier at the bottom of the chain
 * @param text {@code a.b[0].c}: fields after dots, constant indexes in brackets
 * @param steps from the root outwards
 */
record Chain(CelExpr root, String text, List<Step> steps) {

  /**
   * One step: a field ({@code .name}) or an index ({@code [expr]}); {@code constant} is the index
   * when it is a literal int or string, else {@code null}.
   */
  record Step(String field, CelExpr index, Object constant) {}

  Chain {
    steps = List.copyOf(steps);
  }

  /** The index expressions, for walking them as expressions of their own. */
  List<CelExpr> indexes() {
    List<CelExpr> out = new ArrayList<>();
    for (Step step : steps) {
      if (step.index() != null) {
        out.add(step.index());
      }
    }
    return out;
  }

  /**
   * The chain topped by {@code expr}, or {@code null} when {@code expr} is not a select or index
   * over a free identifier (bound comprehension variables are not free).
   */
  static Chain of(CelExpr expr, Set<String> bound) {
    List<Step> steps = new ArrayList<>();
    CelExpr current = expr;
    while (true) {
      if (current.getKind() == Kind.SELECT) {
        steps.add(new Step(current.select().field().intern(), null, null));
        current = current.select().operand();
      } else if (current.getKind() == Kind.CALL
          && current.call().function().equals("_[_]")
          && current.call().target().isEmpty()
          && current.call().args().size() == 2) {
        CelExpr index = current.call().args().get(1);
        steps.add(new Step(null, index, constant(index)));
        current = current.call().args().get(0);
      } else {
        break;
      }
    }
    if (current.getKind() != Kind.IDENT || bound.contains(current.ident().name())) {
      return null;
    }
    Collections.reverse(steps);
    StringBuilder text = new StringBuilder(current.ident().name());
    for (Step step : steps) {
      if (step.field() != null) {
        text.append('.').append(step.field());
      } else if (step.constant() instanceof Long n) {
        text.append('[').append(n).append(']');
      } else if (step.constant() instanceof String s) {
        text.append('[').append(JsonPrinter.compact().print(StringNode.of(s))).append(']');
      } else {
        text.append("[*]");
      }
    }
    return new Chain(current, text.toString(), steps);
  }

  private static Object constant(CelExpr index) {
    if (index.getKind() != Kind.CONSTANT) {
      return null;
    }
    CelConstant constant = index.constant();
    return switch (constant.getKind()) {
      case INT64_VALUE -> constant.int64Value();
      case STRING_VALUE -> constant.stringValue();
      default -> null;
    };
  }
}

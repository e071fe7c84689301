package dev.capsem.core.internal.enforcement;

import dev.capsem.core.internal.policycontext.PolicyContext;
import dev.capsem.core.internal.policycontext.StructValue;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelExpr.ExprKind.Kind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which fields a matching condition was about, as upstream's backtest rows report them ({@code
 * matched_fields}, spec §2.3 step 4): per top-level {@code &&} conjunct, in order, a literal {@code
 * true} gives {@code "condition": true}, a header lookup gives {@code "<message>.headers.<name
 * lower-cased>"} with the header's first value ({@code true} when it has none), and anything else
 * gives every maximal field chain it reads with its scalar value (null, lists and maps are left
 * out). The first position of a key wins; a match that recorded nothing reports {@code "condition":
 * true}. For every condition in upstream's offline subset this is exactly upstream's object.
 */
final class MatchedFields {

  private sealed interface Part permits TrueLiteral, FieldPath, HeaderLookup {}

  private record TrueLiteral() implements Part {}

  private record FieldPath(String text, String root, List<Chain.Step> steps) implements Part {}

  private record HeaderLookup(String message, String root, List<Chain.Step> steps, String name)
      implements Part {}

  private final List<Part> parts;

  private MatchedFields(List<Part> parts) {
    this.parts = List.copyOf(parts);
  }

  /** The plan for a parsed condition. */
  static MatchedFields plan(CelAbstractSyntaxTree ast) {
    List<CelExpr> conjuncts = new ArrayList<>();
    flatten(ast.getExpr(), conjuncts);
    List<Part> parts = new ArrayList<>();
    for (CelExpr conjunct : conjuncts) {
      if (conjunct.getKind() == Kind.CONSTANT
          && conjunct.constant().getKind() == CelConstant.Kind.BOOLEAN_VALUE
          && conjunct.constant().booleanValue()) {
        parts.add(new TrueLiteral());
      } else {
        collect(conjunct, Set.of(), parts);
      }
    }
    return new MatchedFields(parts);
  }

  Map<String, Object> collect(PolicyContext context) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Part part : parts) {
      if (part instanceof TrueLiteral) {
        out.putIfAbsent("condition", Boolean.TRUE);
      } else if (part instanceof FieldPath path) {
        Object value = resolve(context, path.root(), path.steps());
        if (PolicyContext.isScalar(value)) {
          out.putIfAbsent(path.text(), value);
        }
      } else if (part instanceof HeaderLookup header
          && resolve(context, header.root(), header.steps()) instanceof Map<?, ?> message) {
        List<?> values = PolicyCel.headerValues(message, header.name());
        if (values != null) {
          out.putIfAbsent(
              header.message() + ".headers." + header.name().toLowerCase(Locale.ROOT),
              values.isEmpty() ? Boolean.TRUE : values.get(0));
        }
      }
    }
    if (out.isEmpty()) {
      out.put("condition", Boolean.TRUE);
    }
    return Collections.unmodifiableMap(out);
  }

  private static void flatten(CelExpr expr, List<CelExpr> into) {
    if (expr.getKind() == Kind.CALL
        && expr.call().function().equals("_&&_")
        && expr.call().args().size() == 2) {
      flatten(expr.call().args().get(0), into);
      flatten(expr.call().args().get(1), into);
    } else {
      into.add(expr);
    }
  }

  /** Root chains and header lookups in order of first appearance. */
  private static void collect(CelExpr expr, Set<String> bound, List<Part> parts) {
    switch (expr.getKind()) {
      case IDENT, SELECT -> chainOrDeeper(expr, bound, parts);
      case CALL -> {
        var call = expr.call();
        if (call.function().equals("_[_]") && Chain.of(expr, bound) != null) {
          chainOrDeeper(expr, bound, parts);
          return;
        }
        if (call.function().equals("header")
            && call.target().isPresent()
            && call.args().size() == 1) {
          Chain message = Chain.of(call.target().get(), bound);
          CelExpr name = call.args().get(0);
          if (message != null
              && PolicyCel.root(message.root().ident().name()) != null
              && name.getKind() == Kind.CONSTANT
              && name.constant().getKind() == CelConstant.Kind.STRING_VALUE) {
            parts.add(
                new HeaderLookup(
                    message.text(),
                    message.root().ident().name(),
                    message.steps(),
                    name.constant().stringValue()));
            return;
          }
        }
        call.target().ifPresent(target -> collect(target, bound, parts));
        call.args().forEach(arg -> collect(arg, bound, parts));
      }
      case LIST -> expr.list().elements().forEach(e -> collect(e, bound, parts));
      case MAP ->
          expr.map()
              .entries()
              .forEach(
                  entry -> {
                    collect(entry.key(), bound, parts);
                    collect(entry.value(), bound, parts);
                  });
      case STRUCT -> expr.struct().entries().forEach(entry -> collect(entry.value(), bound, parts));
      case COMPREHENSION -> {
        var c = expr.comprehension();
        collect(c.iterRange(), bound, parts);
        collect(c.accuInit(), bound, parts);
        Set<String> inner = new HashSet<>(bound);
        inner.add(c.iterVar());
        if (!c.iterVar2().isEmpty()) {
          inner.add(c.iterVar2());
        }
        inner.add(c.accuVar());
        collect(c.loopCondition(), inner, parts);
        collect(c.loopStep(), inner, parts);
        collect(c.result(), inner, parts);
      }
      default -> {}
    }
  }

  private static void chainOrDeeper(CelExpr expr, Set<String> bound, List<Part> parts) {
    Chain chain = Chain.of(expr, bound);
    if (chain == null) {
      if (expr.getKind() == Kind.SELECT) {
        collect(expr.select().operand(), bound, parts);
      } else if (expr.getKind() == Kind.CALL) {
        expr.call().args().forEach(arg -> collect(arg, bound, parts));
      }
      return;
    }
    String root = chain.root().ident().name();
    if (PolicyCel.root(root) != null) {
      parts.add(new FieldPath(chain.text(), root, chain.steps()));
    }
    for (CelExpr index : chain.indexes()) {
      collect(index, bound, parts);
    }
  }

  /** The value at {@code steps} from {@code root}; {@code null} when a step cannot be taken. */
  private static Object resolve(PolicyContext context, String root, List<Chain.Step> steps) {
    int rootIndex = PolicyContext.ROOT_NAMES.indexOf(root);
    Object current = rootIndex < 0 ? null : context.root(rootIndex);
    for (Chain.Step step : steps) {
      if (step.field() != null) {
        if (current instanceof StructValue struct) {
          // Declared fields by position; a map-typed field (headers, labels) by key.
          int index = struct.struct().indexOf(step.field());
          current = index < 0 ? null : struct.valueAt(index);
        } else {
          current = current instanceof Map<?, ?> map ? map.get(step.field()) : null;
        }
      } else if (step.constant() instanceof Long index) {
        current =
            current instanceof List<?> list && index >= 0 && index < list.size()
                ? list.get((int) (long) index)
                : null;
      } else if (step.constant() instanceof String key) {
        current = current instanceof Map<?, ?> map ? map.get(key) : null;
      } else {
        return null;
      }
      if (current == null) {
        return null;
      }
    }
    return current;
  }
}

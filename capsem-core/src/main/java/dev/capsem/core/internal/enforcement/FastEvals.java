package dev.capsem.core.internal.enforcement;

import static dev.capsem.core.internal.enforcement.FastCondition.ERROR;

import dev.capsem.core.internal.enforcement.FastCondition.Eval;
import dev.capsem.core.internal.policycontext.ContextStruct;
import dev.capsem.core.internal.policycontext.PolicyContext;
import dev.capsem.core.internal.policycontext.StructValue;
import dev.cel.common.values.NullValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The evaluators a fast condition is built from, each with CEL's semantics for the operand types
 * {@link FastConditionBuilder} has already checked: an operand that is an error makes the result an
 * error, except where {@code &&} and {@code ||} are decided by the other side.
 */
final class FastEvals {

  enum Ordering {
    LESS,
    LESS_OR_EQUAL,
    GREATER,
    GREATER_OR_EQUAL
  }

  private FastEvals() {}

  static Eval constant(Object value) {
    return context -> value;
  }

  static Eval root(int index) {
    return context -> context.root(index);
  }

  static Eval and(Eval left, Eval right) {
    return shortCircuit(left, right, Boolean.FALSE);
  }

  static Eval or(Eval left, Eval right) {
    return shortCircuit(left, right, Boolean.TRUE);
  }

  /**
   * {@code &&} ({@code decisive} false) or {@code ||} (true): either side equal to {@code decisive}
   * decides, even when the other is an error; otherwise both must be the other boolean.
   */
  private static Eval shortCircuit(Eval left, Eval right, Boolean decisive) {
    Boolean other = !decisive;
    return context -> {
      Object l = left.eval(context);
      if (decisive.equals(l)) {
        return decisive;
      }
      Object r = right.eval(context);
      if (decisive.equals(r)) {
        return decisive;
      }
      return other.equals(l) && other.equals(r) ? other : ERROR;
    };
  }

  static Eval not(Eval operand) {
    return context -> operand.eval(context) instanceof Boolean b ? (Object) !b : ERROR;
  }

  static Eval conditional(Eval condition, Eval then, Eval otherwise) {
    return context -> {
      Object value = condition.eval(context);
      if (value instanceof Boolean b) {
        return b ? then.eval(context) : otherwise.eval(context);
      }
      return ERROR;
    };
  }

  static Eval present(Eval optional) {
    return context ->
        optional.eval(context) instanceof Optional<?> o ? (Object) o.isPresent() : ERROR;
  }

  /** {@code value == literal} (or {@code !=}). */
  static Eval equalsLiteral(Eval value, Object literal, boolean negate) {
    return context -> {
      Object x = value.eval(context);
      return x == ERROR ? ERROR : (Object) (scalarEquals(x, literal) != negate);
    };
  }

  static Eval equality(Eval a, Eval b, boolean negate) {
    return context -> {
      Object x = a.eval(context);
      if (x == ERROR) {
        return ERROR;
      }
      Object y = b.eval(context);
      if (y == ERROR) {
        return ERROR;
      }
      return scalarEquals(x, y) != negate;
    };
  }

  static Eval intOrdering(Eval a, Eval b, Ordering ordering) {
    return context -> {
      Object x = a.eval(context);
      if (x == ERROR) {
        return ERROR;
      }
      Object y = b.eval(context);
      if (x instanceof Long l && y instanceof Long r) {
        int c = Long.compare(l, r);
        return switch (ordering) {
          case LESS -> c < 0;
          case LESS_OR_EQUAL -> c <= 0;
          case GREATER -> c > 0;
          case GREATER_OR_EQUAL -> c >= 0;
        };
      }
      return ERROR;
    };
  }

  /** Doubles compare as IEEE numbers: NaN is neither less nor greater, as CEL says. */
  static Eval doubleOrdering(Eval a, Eval b, Ordering ordering) {
    return context -> {
      Object x = a.eval(context);
      if (x == ERROR) {
        return ERROR;
      }
      Object y = b.eval(context);
      if (x instanceof Double l && y instanceof Double r) {
        double p = l;
        double q = r;
        return switch (ordering) {
          case LESS -> p < q;
          case LESS_OR_EQUAL -> p <= q;
          case GREATER -> p > q;
          case GREATER_OR_EQUAL -> p >= q;
        };
      }
      return ERROR;
    };
  }

  static Eval inMapKeys(Eval element, Eval haystack) {
    return context -> {
      Object x = element.eval(context);
      if (x == ERROR) {
        return ERROR;
      }
      Object m = haystack.eval(context);
      return m instanceof Map<?, ?> entries ? (Object) entries.containsKey(x) : ERROR;
    };
  }

  /** {@code x in ["a", "b", ...]}: a set lookup instead of a walk through the list. */
  static Eval inStrings(Eval element, Set<String> strings) {
    return context -> {
      Object x = element.eval(context);
      if (x == ERROR) {
        return ERROR;
      }
      return x instanceof String s && strings.contains(s);
    };
  }

  static Eval inList(Eval element, Eval haystack) {
    return context -> {
      Object x = element.eval(context);
      if (x == ERROR) {
        return ERROR;
      }
      Object l = haystack.eval(context);
      if (!(l instanceof List<?> values)) {
        return ERROR;
      }
      for (Object value : values) {
        if (scalarEquals(x, value)) {
          return Boolean.TRUE;
        }
      }
      return Boolean.FALSE;
    };
  }

  static Eval listIndex(Eval target, Eval at) {
    return context -> {
      Object l = target.eval(context);
      if (l == ERROR) {
        return ERROR;
      }
      Object i = at.eval(context);
      if (l instanceof List<?> list && i instanceof Long n && n >= 0 && n < list.size()) {
        return list.get((int) (long) n);
      }
      return ERROR;
    };
  }

  static Eval mapIndex(Eval target, Eval at) {
    return context -> {
      Object m = target.eval(context);
      if (m == ERROR) {
        return ERROR;
      }
      Object k = at.eval(context);
      return m instanceof Map<?, ?> entries && k instanceof String ? mapGet(entries, k) : ERROR;
    };
  }

  /** {@code size()} of a string (in code points), a list or a map. */
  static Eval size(Eval value) {
    return context -> {
      Object v = value.eval(context);
      if (v instanceof String s) {
        return (long) s.codePointCount(0, s.length());
      }
      if (v instanceof List<?> list) {
        return (long) list.size();
      }
      if (v instanceof Map<?, ?> map && !(v instanceof StructValue)) {
        return (long) map.size();
      }
      return ERROR;
    };
  }

  /**
   * {@code contains}, {@code startsWith} or {@code endsWith}: three evaluators rather than one
   * taking a function, so that each call site stays monomorphic in a backtest's hot loop.
   */
  static Eval stringTest(String function, Eval text, Eval part) {
    return switch (function) {
      case "contains" ->
          context -> {
            Object t = text.eval(context);
            if (t == ERROR) {
              return ERROR;
            }
            return t instanceof String s && part.eval(context) instanceof String p
                ? (Object) s.contains(p)
                : ERROR;
          };
      case "startsWith" ->
          context -> {
            Object t = text.eval(context);
            if (t == ERROR) {
              return ERROR;
            }
            return t instanceof String s && part.eval(context) instanceof String p
                ? (Object) s.startsWith(p)
                : ERROR;
          };
      default ->
          context -> {
            Object t = text.eval(context);
            if (t == ERROR) {
              return ERROR;
            }
            return t instanceof String s && part.eval(context) instanceof String p
                ? (Object) s.endsWith(p)
                : ERROR;
          };
    };
  }

  static Eval header(Eval message, Eval header) {
    return context -> {
      Object m = message.eval(context);
      if (m == ERROR) {
        return ERROR;
      }
      Object n = header.eval(context);
      if (m instanceof Map<?, ?> map && n instanceof String s) {
        return PolicyCel.header(map, s);
      }
      return ERROR;
    };
  }

  static Eval list(List<Eval> elements) {
    return context -> {
      List<Object> values = new ArrayList<>(elements.size());
      for (Eval element : elements) {
        Object value = element.eval(context);
        if (value == ERROR) {
          return ERROR;
        }
        values.add(value);
      }
      return values;
    };
  }

  /** {@code has(operand.field)}. */
  static Eval has(Eval operand, String field) {
    return context -> {
      Object value = operand.eval(context);
      return value instanceof Map<?, ?> map ? (Object) map.containsKey(field) : ERROR;
    };
  }

  /** {@code operand.field} of a declared struct, by field index; a map stand-in by name. */
  static Eval structField(Eval operand, ContextStruct declared, int index, String field) {
    return context -> {
      Object value = operand.eval(context);
      if (value instanceof StructValue s && s.struct() == declared) {
        return s.valueAt(index);
      }
      return value instanceof Map<?, ?> map ? mapGet(map, field) : ERROR;
    };
  }

  static Eval mapField(Eval operand, String field) {
    return context -> operand.eval(context) instanceof Map<?, ?> map ? mapGet(map, field) : ERROR;
  }

  static Eval path(int root, ContextStruct[] structs, int[] fields) {
    return new PathEval(root, structs, fields);
  }

  /** {@code root.a.b.c} through struct field indexes; off the declared structs, CEL's rules. */
  private static final class PathEval implements Eval {
    private final int root;
    private final ContextStruct[] structs;
    private final int[] fields;

    PathEval(int root, ContextStruct[] structs, int[] fields) {
      this.root = root;
      this.structs = structs;
      this.fields = fields;
    }

    @Override
    public Object eval(PolicyContext context) {
      Object value = context.root(root);
      for (int i = 0; i < fields.length; i++) {
        if (value instanceof StructValue s && s.struct() == structs[i]) {
          value = s.valueAt(fields[i]);
        } else if (value instanceof Map<?, ?> map) {
          value = mapGet(map, structs[i].fields().get(fields[i]).name());
        } else {
          return ERROR;
        }
      }
      return value;
    }
  }

  private static Object mapGet(Map<?, ?> map, Object key) {
    Object value = map.get(key);
    if (value == null) {
      return map.containsKey(key) ? NullValue.NULL_VALUE : ERROR;
    }
    return value;
  }

  /** CEL equality between two scalars of one type, or null and anything. */
  private static boolean scalarEquals(Object x, Object y) {
    if (x instanceof Double a && y instanceof Double b) {
      return a.doubleValue() == b.doubleValue();
    }
    return x.equals(y);
  }
}

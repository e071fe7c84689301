package dev.capsem.core.internal.enforcement;

import dev.capsem.core.internal.policycontext.ContextStruct;
import dev.capsem.core.internal.policycontext.PolicyContext;
import dev.capsem.core.internal.policycontext.PolicyContextModel;
import dev.capsem.core.internal.policycontext.StructValue;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelExpr.CelCall;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.NullableType;
import dev.cel.common.types.OptionalType;
import dev.cel.common.values.NullValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A checked condition turned into a tree of small evaluators that read the context by field index.
 * It covers what policy conditions are made of (field selection, literals, {@code == != < <= > >=}
 * on one scalar type, {@code && || ! ?:}, {@code in}, indexing, {@code size}, {@code contains},
 * {@code startsWith}, {@code endsWith}, {@code header()}, {@code exists()}, {@code has()}) with
 * CEL's semantics, including its error rules: {@code &&} and {@code ||} absorb an error when the
 * other side decides, everything else propagates it. Anything else is left to the CEL interpreter
 * ({@link #compile} returns {@code null}). The interpreter costs microseconds per condition; this
 * costs nanoseconds, which is what lets a backtest check millions of events a second.
 */
final class FastCondition {

  /** A value that is an evaluation error (never equal to anything else). */
  private static final Object ERROR = new Object();

  @FunctionalInterface
  interface Eval {
    Object eval(PolicyContext context);
  }

  private enum Scalar {
    STRING,
    INT,
    DOUBLE,
    BOOL,
    NULL
  }

  private static final class Unsupported extends Exception {
    private static final long serialVersionUID = 1L;

    Unsupported() {
      super(null, null, false, false);
    }
  }

  private static final Map<String, ContextStruct> STRUCTS_BY_TYPE = structsByType();

  /**
   * A top-level conjunct {@code <field path> == "<text>"}: when the event's value at the path is
   * another string (or null), the conjunct is false, so the whole condition is false whatever the
   * rest would give, errors included (CEL's {@code &&}). Rule sets index rules by it.
   */
  record IndexKey(String path, Eval value, String constant) {}

  private final Eval root;
  private final IndexKey indexKey;

  private FastCondition(Eval root, IndexKey indexKey) {
    this.root = root;
    this.indexKey = indexKey;
  }

  /** The direct evaluator of {@code ast}, or {@code null} when it uses anything not covered. */
  static FastCondition compile(CelAbstractSyntaxTree ast) {
    try {
      Builder builder = new Builder(ast);
      return new FastCondition(builder.build(ast.getExpr()), builder.indexKey(ast.getExpr()));
    } catch (Unsupported e) {
      return null;
    }
  }

  /** The conjunct rule sets can index this condition by, or {@code null}. */
  IndexKey indexKey() {
    return indexKey;
  }

  /** The value at an index key's path for {@code context} (a string, null, or an error). */
  static Object valueAt(IndexKey key, PolicyContext context) {
    return key.value().eval(context);
  }

  /** Whether {@link #valueAt} gave an evaluation error (then no rule may be skipped). */
  static boolean isError(Object value) {
    return value == ERROR;
  }

  ConditionResult evaluate(PolicyContext context) {
    Object value = root.eval(context);
    if (value instanceof Boolean b) {
      return b ? ConditionResult.MATCH : ConditionResult.NO_MATCH;
    }
    return ConditionResult.ERROR;
  }

  private static Map<String, ContextStruct> structsByType() {
    Map<String, ContextStruct> out = new HashMap<>();
    collect(PolicyContextModel.context(), out);
    return Map.copyOf(out);
  }

  private static void collect(ContextStruct struct, Map<String, ContextStruct> out) {
    if (out.put(struct.celTypeName(), struct) != null) {
      return;
    }
    for (var field : struct.fields()) {
      var type = field.type();
      while (type instanceof dev.capsem.core.internal.policycontext.FieldType.ListOf list) {
        type = list.items();
      }
      if (type instanceof dev.capsem.core.internal.policycontext.FieldType.Nested nested) {
        collect(nested.struct(), out);
      }
    }
  }

  private static final class Builder {
    private final CelAbstractSyntaxTree ast;

    Builder(CelAbstractSyntaxTree ast) {
      this.ast = ast;
    }

    Eval build(CelExpr expr) throws Unsupported {
      return switch (expr.getKind()) {
        case CONSTANT -> constant(expr.constant());
        case IDENT -> ident(expr.ident().name());
        case SELECT -> select(expr);
        case CALL -> call(expr);
        case LIST -> list(expr);
        default -> throw new Unsupported();
      };
    }

    private CelType type(CelExpr expr) throws Unsupported {
      Optional<CelType> type = ast.getType(expr.id());
      if (type.isEmpty()) {
        throw new Unsupported();
      }
      return type.get();
    }

    private static Eval constant(CelConstant constant) throws Unsupported {
      Object value =
          switch (constant.getKind()) {
            case NULL_VALUE -> NullValue.NULL_VALUE;
            case BOOLEAN_VALUE -> constant.booleanValue();
            case INT64_VALUE -> constant.int64Value();
            case DOUBLE_VALUE -> constant.doubleValue();
            case STRING_VALUE -> constant.stringValue();
            default -> throw new Unsupported();
          };
      return context -> value;
    }

    private static Eval ident(String name) throws Unsupported {
      int index = PolicyContext.ROOT_NAMES.indexOf(name);
      if (index < 0) {
        throw new Unsupported();
      }
      return context -> context.root(index);
    }

    /** The first top-level {@code path == "text"} conjunct, or {@code null}. */
    IndexKey indexKey(CelExpr expr) throws Unsupported {
      if (expr.getKind() == CelExpr.ExprKind.Kind.CALL) {
        CelCall call = expr.call();
        if (call.function().equals("_&&_") && call.args().size() == 2) {
          IndexKey left = indexKey(call.args().get(0));
          return left != null ? left : indexKey(call.args().get(1));
        }
        if (call.function().equals("_==_") && call.args().size() == 2) {
          for (int side = 0; side < 2; side++) {
            CelExpr path = call.args().get(side);
            Object constant = constantValue(call.args().get(1 - side));
            Eval value = path.getKind() == CelExpr.ExprKind.Kind.SELECT ? path(path) : null;
            if (value != null && constant instanceof String text) {
              Chain chain = Chain.of(path, java.util.Set.of());
              return chain == null ? null : new IndexKey(chain.text(), value, text);
            }
          }
        }
      }
      return null;
    }

    private Eval select(CelExpr expr) throws Unsupported {
      Eval path = path(expr);
      if (path != null) {
        return path;
      }
      CelExpr operandExpr = expr.select().operand();
      String field = expr.select().field();
      CelType operandType = type(operandExpr);
      Eval operand = build(operandExpr);
      if (expr.select().testOnly()) {
        if (operandType.kind() != CelKind.STRUCT && !(operandType instanceof MapType)) {
          throw new Unsupported();
        }
        return context -> {
          Object value = operand.eval(context);
          return value instanceof Map<?, ?> map ? (Object) map.containsKey(field) : ERROR;
        };
      }
      if (operandType.kind() == CelKind.STRUCT) {
        // The checker gives struct types by reference (StructTypeReference), so go by name.
        ContextStruct declared = STRUCTS_BY_TYPE.get(operandType.name());
        int index = declared == null ? -1 : declared.indexOf(field);
        if (index < 0) {
          throw new Unsupported();
        }
        return context -> {
          Object value = operand.eval(context);
          if (value instanceof StructValue s && s.struct() == declared) {
            return s.valueAt(index);
          }
          return value instanceof Map<?, ?> map ? mapGet(map, field) : ERROR;
        };
      }
      if (operandType instanceof MapType) {
        return context ->
            operand.eval(context) instanceof Map<?, ?> map ? mapGet(map, field) : ERROR;
      }
      throw new Unsupported();
    }

    /**
     * A chain of field selections on structs down to a root ({@code http.request.host}) as one
     * evaluator that follows field indexes: the common case, read without a call per field.
     */
    private Eval path(CelExpr expr) throws Unsupported {
      List<ContextStruct> structs = new ArrayList<>();
      List<Integer> fields = new ArrayList<>();
      CelExpr current = expr;
      while (current.getKind() == CelExpr.ExprKind.Kind.SELECT && !current.select().testOnly()) {
        CelType operandType = type(current.select().operand());
        ContextStruct declared =
            operandType.kind() == CelKind.STRUCT ? STRUCTS_BY_TYPE.get(operandType.name()) : null;
        int index = declared == null ? -1 : declared.indexOf(current.select().field());
        if (index < 0) {
          return null;
        }
        structs.add(0, declared);
        fields.add(0, index);
        current = current.select().operand();
      }
      if (current.getKind() != CelExpr.ExprKind.Kind.IDENT || structs.isEmpty()) {
        return null;
      }
      int root = PolicyContext.ROOT_NAMES.indexOf(current.ident().name());
      if (root < 0) {
        return null;
      }
      return new PathEval(
          root,
          structs.toArray(ContextStruct[]::new),
          fields.stream().mapToInt(Integer::intValue).toArray());
    }

    private Eval call(CelExpr expr) throws Unsupported {
      CelCall call = expr.call();
      List<CelExpr> args = call.args();
      boolean member = call.target().isPresent();
      switch (call.function()) {
        case "_&&_":
          return and(build(args.get(0)), build(args.get(1)));
        case "_||_":
          return or(build(args.get(0)), build(args.get(1)));
        case "!_":
          {
            Eval operand = build(args.get(0));
            return context -> operand.eval(context) instanceof Boolean b ? (Object) !b : ERROR;
          }
        case "_?_:_":
          {
            Eval condition = build(args.get(0));
            Eval then = build(args.get(1));
            Eval otherwise = build(args.get(2));
            return context -> {
              Object value = condition.eval(context);
              if (value instanceof Boolean b) {
                return b ? then.eval(context) : otherwise.eval(context);
              }
              return ERROR;
            };
          }
        case "_==_":
          return equality(args, false);
        case "_!=_":
          return equality(args, true);
        case "_<_":
          return ordering(args, Ordering.LESS);
        case "_<=_":
          return ordering(args, Ordering.LESS_OR_EQUAL);
        case "_>_":
          return ordering(args, Ordering.GREATER);
        case "_>=_":
          return ordering(args, Ordering.GREATER_OR_EQUAL);
        case "@in":
          return in(args);
        case "_[_]":
          return index(args);
        case "size":
          return size(member ? call.target().get() : args.get(0), member ? 0 : 1, args.size());
        case "contains", "startsWith", "endsWith":
          if (!member || args.size() != 1) {
            throw new Unsupported();
          }
          return stringTest(call.function(), call.target().get(), args.get(0));
        case "header":
          if (!member || args.size() != 1) {
            throw new Unsupported();
          }
          return header(call.target().get(), args.get(0));
        case "exists", "hasValue":
          if (!member || !args.isEmpty() || !(type(call.target().get()) instanceof OptionalType)) {
            throw new Unsupported();
          }
          {
            Eval optional = build(call.target().get());
            return context ->
                optional.eval(context) instanceof Optional<?> o ? (Object) o.isPresent() : ERROR;
          }
        default:
          throw new Unsupported();
      }
    }

    private static Eval and(Eval left, Eval right) {
      return context -> {
        Object l = left.eval(context);
        if (Boolean.FALSE.equals(l)) {
          return Boolean.FALSE;
        }
        Object r = right.eval(context);
        if (Boolean.FALSE.equals(r)) {
          return Boolean.FALSE;
        }
        return Boolean.TRUE.equals(l) && Boolean.TRUE.equals(r) ? Boolean.TRUE : ERROR;
      };
    }

    private static Eval or(Eval left, Eval right) {
      return context -> {
        Object l = left.eval(context);
        if (Boolean.TRUE.equals(l)) {
          return Boolean.TRUE;
        }
        Object r = right.eval(context);
        if (Boolean.TRUE.equals(r)) {
          return Boolean.TRUE;
        }
        return Boolean.FALSE.equals(l) && Boolean.FALSE.equals(r) ? Boolean.FALSE : ERROR;
      };
    }

    private Eval equality(List<CelExpr> args, boolean negate) throws Unsupported {
      Scalar left = scalar(type(args.get(0)));
      Scalar right = scalar(type(args.get(1)));
      if (left == null || right == null) {
        throw new Unsupported();
      }
      if (left != right && left != Scalar.NULL && right != Scalar.NULL) {
        throw new Unsupported();
      }
      Object constant = constantValue(args.get(1));
      CelExpr other = args.get(0);
      if (constant == null) {
        constant = constantValue(args.get(0));
        other = args.get(1);
      }
      if (constant != null) {
        Object literal = constant;
        Eval value = build(other);
        return context -> {
          Object x = value.eval(context);
          return x == ERROR ? ERROR : (Object) (scalarEquals(x, literal) != negate);
        };
      }
      Eval a = build(args.get(0));
      Eval b = build(args.get(1));
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

    /** The value of a scalar literal, or {@code null} when {@code expr} is not one. */
    private static Object constantValue(CelExpr expr) {
      if (expr.getKind() != CelExpr.ExprKind.Kind.CONSTANT) {
        return null;
      }
      CelConstant constant = expr.constant();
      return switch (constant.getKind()) {
        case NULL_VALUE -> NullValue.NULL_VALUE;
        case BOOLEAN_VALUE -> constant.booleanValue();
        case INT64_VALUE -> constant.int64Value();
        case DOUBLE_VALUE -> constant.doubleValue();
        case STRING_VALUE -> constant.stringValue();
        default -> null;
      };
    }

    private enum Ordering {
      LESS,
      LESS_OR_EQUAL,
      GREATER,
      GREATER_OR_EQUAL
    }

    private Eval ordering(List<CelExpr> args, Ordering ordering) throws Unsupported {
      Scalar left = scalar(type(args.get(0)));
      Scalar right = scalar(type(args.get(1)));
      if (left != right || (left != Scalar.INT && left != Scalar.DOUBLE)) {
        throw new Unsupported();
      }
      Eval a = build(args.get(0));
      Eval b = build(args.get(1));
      if (left == Scalar.INT) {
        return context -> {
          Object x = a.eval(context);
          if (x == ERROR) {
            return ERROR;
          }
          Object y = b.eval(context);
          if (x instanceof Long l && y instanceof Long r) {
            int c = Long.compare(l, r);
            return decide(ordering, c);
          }
          return ERROR;
        };
      }
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

    private static Object decide(Ordering ordering, int comparison) {
      return switch (ordering) {
        case LESS -> comparison < 0;
        case LESS_OR_EQUAL -> comparison <= 0;
        case GREATER -> comparison > 0;
        case GREATER_OR_EQUAL -> comparison >= 0;
      };
    }

    private Eval in(List<CelExpr> args) throws Unsupported {
      Scalar needle = scalar(type(args.get(0)));
      CelType haystackType = type(args.get(1));
      if (needle == null) {
        throw new Unsupported();
      }
      Eval element = build(args.get(0));
      if (haystackType instanceof MapType map && map.keyType().kind() == CelKind.STRING) {
        Eval haystack = build(args.get(1));
        return context -> {
          Object x = element.eval(context);
          if (x == ERROR) {
            return ERROR;
          }
          Object m = haystack.eval(context);
          return m instanceof Map<?, ?> entries ? (Object) entries.containsKey(x) : ERROR;
        };
      }
      if (!(haystackType instanceof ListType list)) {
        throw new Unsupported();
      }
      Scalar items = scalar(list.elemType());
      if (items == null || (items != needle && items != Scalar.NULL && needle != Scalar.NULL)) {
        throw new Unsupported();
      }
      CelExpr literal = args.get(1);
      if (literal.getKind() == CelExpr.ExprKind.Kind.LIST && needle == Scalar.STRING) {
        Set<String> strings = stringConstants(literal);
        if (strings != null) {
          return context -> {
            Object x = element.eval(context);
            if (x == ERROR) {
              return ERROR;
            }
            return x instanceof String s && strings.contains(s);
          };
        }
      }
      Eval haystack = build(args.get(1));
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

    private static Set<String> stringConstants(CelExpr list) {
      Set<String> out = new HashSet<>();
      for (CelExpr element : list.list().elements()) {
        if (element.getKind() != CelExpr.ExprKind.Kind.CONSTANT
            || element.constant().getKind() != CelConstant.Kind.STRING_VALUE) {
          return null;
        }
        out.add(element.constant().stringValue());
      }
      return out;
    }

    private Eval index(List<CelExpr> args) throws Unsupported {
      CelType container = type(args.get(0));
      CelType key = type(args.get(1));
      Eval target = build(args.get(0));
      Eval at = build(args.get(1));
      if (container instanceof ListType && key.kind() == CelKind.INT) {
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
      if (container instanceof MapType map
          && map.keyType().kind() == CelKind.STRING
          && key.kind() == CelKind.STRING) {
        return context -> {
          Object m = target.eval(context);
          if (m == ERROR) {
            return ERROR;
          }
          Object k = at.eval(context);
          return m instanceof Map<?, ?> entries && k instanceof String ? mapGet(entries, k) : ERROR;
        };
      }
      throw new Unsupported();
    }

    private Eval size(CelExpr operand, int expectedArgs, int args) throws Unsupported {
      if (args != expectedArgs) {
        throw new Unsupported();
      }
      CelType type = type(operand);
      if (!(type instanceof ListType)
          && !(type instanceof MapType)
          && scalar(type) != Scalar.STRING) {
        throw new Unsupported();
      }
      Eval value = build(operand);
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

    private Eval stringTest(String function, CelExpr target, CelExpr argument) throws Unsupported {
      if (scalar(type(target)) != Scalar.STRING || scalar(type(argument)) != Scalar.STRING) {
        throw new Unsupported();
      }
      Eval text = build(target);
      Eval part = build(argument);
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

    private Eval header(CelExpr target, CelExpr name) throws Unsupported {
      if (type(target).kind() != CelKind.STRUCT || scalar(type(name)) != Scalar.STRING) {
        throw new Unsupported();
      }
      Eval message = build(target);
      Eval header = build(name);
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

    private Eval list(CelExpr expr) throws Unsupported {
      List<Eval> elements = new ArrayList<>();
      for (CelExpr element : expr.list().elements()) {
        elements.add(build(element));
      }
      if (!expr.list().optionalIndices().isEmpty()) {
        throw new Unsupported();
      }
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

  private static Scalar scalar(CelType type) {
    CelType base = type instanceof NullableType nullable ? nullable.targetType() : type;
    return switch (base.kind()) {
      case STRING -> Scalar.STRING;
      case INT -> Scalar.INT;
      case DOUBLE -> Scalar.DOUBLE;
      case BOOL -> Scalar.BOOL;
      case NULL_TYPE -> Scalar.NULL;
      default -> null;
    };
  }
}

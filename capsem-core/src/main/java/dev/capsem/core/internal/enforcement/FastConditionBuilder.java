package dev.capsem.core.internal.enforcement;

import dev.capsem.core.internal.enforcement.FastCondition.Eval;
import dev.capsem.core.internal.enforcement.FastCondition.IndexKey;
import dev.capsem.core.internal.enforcement.FastCondition.Unsupported;
import dev.capsem.core.internal.enforcement.FastEvals.Ordering;
import dev.capsem.core.internal.policycontext.ContextStruct;
import dev.capsem.core.internal.policycontext.FieldType;
import dev.capsem.core.internal.policycontext.PolicyContext;
import dev.capsem.core.internal.policycontext.PolicyContextModel;
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
 * Builds the evaluator of a checked CEL expression from the types the checker gave each node,
 * throwing {@link Unsupported} at the first construct the fast path does not cover with CEL's exact
 * semantics (operands of mixed scalar types, say), so that the CEL interpreter takes it instead.
 */
final class FastConditionBuilder {

  private enum Scalar {
    STRING,
    INT,
    DOUBLE,
    BOOL,
    NULL
  }

  private static final Map<String, ContextStruct> STRUCTS_BY_TYPE = structsByType();

  private final CelAbstractSyntaxTree ast;

  FastConditionBuilder(CelAbstractSyntaxTree ast) {
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
    return FastEvals.constant(value);
  }

  private static Eval ident(String name) throws Unsupported {
    int index = PolicyContext.ROOT_NAMES.indexOf(name);
    if (index < 0) {
      throw new Unsupported();
    }
    return FastEvals.root(index);
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
            Chain chain = Chain.of(path, Set.of());
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
      return FastEvals.has(operand, field);
    }
    if (operandType.kind() == CelKind.STRUCT) {
      // The checker gives struct types by reference (StructTypeReference), so go by name.
      ContextStruct declared = STRUCTS_BY_TYPE.get(operandType.name());
      int index = declared == null ? -1 : declared.indexOf(field);
      if (index < 0) {
        throw new Unsupported();
      }
      return FastEvals.structField(operand, declared, index, field);
    }
    if (operandType instanceof MapType) {
      return FastEvals.mapField(operand, field);
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
    return FastEvals.path(
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
        return FastEvals.and(build(args.get(0)), build(args.get(1)));
      case "_||_":
        return FastEvals.or(build(args.get(0)), build(args.get(1)));
      case "!_":
        return FastEvals.not(build(args.get(0)));
      case "_?_:_":
        return FastEvals.conditional(build(args.get(0)), build(args.get(1)), build(args.get(2)));
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
        return FastEvals.present(build(call.target().get()));
      default:
        throw new Unsupported();
    }
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
      return FastEvals.equalsLiteral(build(other), constant, negate);
    }
    return FastEvals.equality(build(args.get(0)), build(args.get(1)), negate);
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

  private Eval ordering(List<CelExpr> args, Ordering ordering) throws Unsupported {
    Scalar left = scalar(type(args.get(0)));
    Scalar right = scalar(type(args.get(1)));
    if (left != right || (left != Scalar.INT && left != Scalar.DOUBLE)) {
      throw new Unsupported();
    }
    Eval a = build(args.get(0));
    Eval b = build(args.get(1));
    return left == Scalar.INT
        ? FastEvals.intOrdering(a, b, ordering)
        : FastEvals.doubleOrdering(a, b, ordering);
  }

  private Eval in(List<CelExpr> args) throws Unsupported {
    Scalar needle = scalar(type(args.get(0)));
    CelType haystackType = type(args.get(1));
    if (needle == null) {
      throw new Unsupported();
    }
    Eval element = build(args.get(0));
    if (haystackType instanceof MapType map && map.keyType().kind() == CelKind.STRING) {
      return FastEvals.inMapKeys(element, build(args.get(1)));
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
        return FastEvals.inStrings(element, strings);
      }
    }
    return FastEvals.inList(element, build(args.get(1)));
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
      return FastEvals.listIndex(target, at);
    }
    if (container instanceof MapType map
        && map.keyType().kind() == CelKind.STRING
        && key.kind() == CelKind.STRING) {
      return FastEvals.mapIndex(target, at);
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
    return FastEvals.size(build(operand));
  }

  private Eval stringTest(String function, CelExpr target, CelExpr argument) throws Unsupported {
    if (scalar(type(target)) != Scalar.STRING || scalar(type(argument)) != Scalar.STRING) {
      throw new Unsupported();
    }
    return FastEvals.stringTest(function, build(target), build(argument));
  }

  private Eval header(CelExpr target, CelExpr name) throws Unsupported {
    if (type(target).kind() != CelKind.STRUCT || scalar(type(name)) != Scalar.STRING) {
      throw new Unsupported();
    }
    return FastEvals.header(build(target), build(name));
  }

  private Eval list(CelExpr expr) throws Unsupported {
    List<Eval> elements = new ArrayList<>();
    for (CelExpr element : expr.list().elements()) {
      elements.add(build(element));
    }
    if (!expr.list().optionalIndices().isEmpty()) {
      throw new Unsupported();
    }
    return FastEvals.list(elements);
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
      while (type instanceof FieldType.ListOf list) {
        type = list.items();
      }
      if (type instanceof FieldType.Nested nested) {
        collect(nested.struct(), out);
      }
    }
  }
}

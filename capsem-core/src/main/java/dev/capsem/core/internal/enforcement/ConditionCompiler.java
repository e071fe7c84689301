package dev.capsem.core.internal.enforcement;

import dev.capsem.core.diag.Code;
import dev.capsem.core.internal.policycontext.ContextField;
import dev.capsem.core.internal.policycontext.ContextStruct;
import dev.capsem.core.internal.policycontext.EventFamily;
import dev.capsem.core.internal.policycontext.FieldType;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelSource;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelExpr.CelCall;
import dev.cel.common.ast.CelExpr.CelComprehension;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypes;
import dev.cel.common.types.NullableType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiles rule conditions (D3, spec §2.3): parse; reject the internal {@code event}/{@code
 * subject} roots and unknown roots with upstream's texts; check every select chain against the
 * declared context and the rule's family; type-check; require a boolean. The first failing check is
 * the rule's one diagnostic. Compiled conditions are cached by family and text, so a condition
 * shared by many rules or compiled again is compiled once; the cache is this object's, never
 * global.
 */
public final class ConditionCompiler {

  private static final Set<String> INTERNAL_ROOTS = Set.of("event", "subject");

  /** Type names CEL lets a condition use as values ({@code type(x) == string}). */
  private static final Set<String> TYPE_NAMES =
      Set.of(
          "int",
          "uint",
          "double",
          "bool",
          "string",
          "bytes",
          "list",
          "map",
          "null_type",
          "type",
          "dyn");

  /** Namespaces of qualified function names ({@code optional.of(x)}), not variables. */
  private static final Set<String> FUNCTION_NAMESPACES = Set.of("optional");

  private final ConcurrentHashMap<String, Object> cache = new ConcurrentHashMap<>();

  /** The compiled condition of {@code rule}, or why it does not compile. */
  Object compile(EnforcementRule rule) {
    return cache.computeIfAbsent(
        rule.family() + '\u0000' + rule.condition(),
        key -> compile(rule.family(), rule.condition()));
  }

  /** How many distinct conditions this compiler has compiled (for tests of the cache). */
  int cachedConditions() {
    return cache.size();
  }

  private static Object compile(String family, String condition) {
    CelValidationResult parsed = PolicyCel.CEL.parse(condition);
    if (parsed.hasError()) {
      return celFailure(condition, parsed.getSource(), parsed.getErrors().get(0));
    }
    CelAbstractSyntaxTree ast;
    try {
      ast = parsed.getAst();
    } catch (CelValidationException e) {
      return new ConditionFailure(Code.E206, "CEL compile failed: " + e.getMessage(), -1);
    }
    ConditionFailure structural = new RootWalk(family, condition, ast.getSource()).check(ast);
    if (structural != null) {
      return structural;
    }
    CelValidationResult checked = PolicyCel.CEL.check(ast);
    if (checked.hasError()) {
      return celFailure(condition, checked.getSource(), checked.getErrors().get(0));
    }
    CelAbstractSyntaxTree checkedAst;
    CelRuntime.Program program;
    try {
      checkedAst = checked.getAst();
      program = PolicyCel.CEL.createProgram(checkedAst);
    } catch (CelValidationException | CelEvaluationException e) {
      return new ConditionFailure(Code.E206, "CEL compile failed: " + e.getMessage(), -1);
    }
    CelType result = checkedAst.getResultType();
    if (!booleanLike(result)) {
      return new ConditionFailure(
          Code.E207,
          "CEL compile failed: condition must evaluate to bool, got " + CelTypes.format(result),
          0);
    }
    return new CompiledCondition(
        condition, checkedAst, program, FastCondition.compile(checkedAst), MatchedFields.plan(ast));
  }

  /** bool, a nullable bool (a wrapper), or dyn (checked when evaluated). */
  private static boolean booleanLike(CelType type) {
    if (type.kind() == CelKind.BOOL || type.kind() == CelKind.DYN) {
      return true;
    }
    return type instanceof NullableType nullable && nullable.targetType().equals(SimpleType.BOOL);
  }

  /**
   * A parser or checker error: CEL's message, then where in the condition (line and column, both
   * from 1), since a condition may span lines; the diagnostic's own position is in the file.
   */
  private static ConditionFailure celFailure(String condition, CelSource source, CelIssue issue) {
    int offset = -1;
    Optional<Integer> codePoint = source.getLocationOffset(issue.getSourceLocation());
    if (codePoint.isPresent()) {
      offset = charIndex(condition, codePoint.get());
    }
    String where = "";
    if (issue.getSourceLocation().getLine() > 0) {
      where =
          " (condition "
              + issue.getSourceLocation().getLine()
              + ":"
              + (issue.getSourceLocation().getColumn() + 1)
              + ")";
    }
    return new ConditionFailure(
        Code.E206, "CEL compile failed: " + issue.getMessage() + where, offset);
  }

  /** CEL counts code points; our locators count UTF-16 units. */
  static int charIndex(String text, int codePoint) {
    try {
      return text.offsetByCodePoints(
          0, Math.max(0, Math.min(codePoint, text.codePointCount(0, text.length()))));
    } catch (IndexOutOfBoundsException e) {
      return -1;
    }
  }

  /**
   * The checks on the parsed tree, in the order of §2.3: internal roots anywhere, then unknown
   * roots, then select chains. Each check's first finding in source order wins.
   */
  private static final class RootWalk {
    private final String family;
    private final String condition;
    private final CelSource source;
    private final List<ConditionFailure> internal = new ArrayList<>();
    private final List<ConditionFailure> unknown = new ArrayList<>();
    private final List<ConditionFailure> paths = new ArrayList<>();

    RootWalk(String family, String condition, CelSource source) {
      this.family = family;
      this.condition = condition;
      this.source = source;
    }

    ConditionFailure check(CelAbstractSyntaxTree ast) {
      walk(ast.getExpr(), Set.of());
      for (List<ConditionFailure> found : List.of(internal, unknown, paths)) {
        if (!found.isEmpty()) {
          return found.get(0);
        }
      }
      return null;
    }

    private void walk(CelExpr expr, Set<String> bound) {
      switch (expr.getKind()) {
        case IDENT -> freeIdent(expr, expr.ident().name(), bound);
        case SELECT -> {
          if (!chain(expr, bound)) {
            walk(expr.select().operand(), bound);
          }
        }
        case CALL -> call(expr, bound);
        case LIST -> expr.list().elements().forEach(e -> walk(e, bound));
        case MAP ->
            expr.map()
                .entries()
                .forEach(
                    entry -> {
                      walk(entry.key(), bound);
                      walk(entry.value(), bound);
                    });
        case STRUCT -> expr.struct().entries().forEach(entry -> walk(entry.value(), bound));
        case COMPREHENSION -> comprehension(expr.comprehension(), bound);
        default -> {}
      }
    }

    private void call(CelExpr expr, Set<String> bound) {
      CelCall call = expr.call();
      if (call.function().equals("_[_]") && chain(expr, bound)) {
        return;
      }
      if (call.target().isPresent()) {
        CelExpr target = call.target().get();
        if (target.getKind() == CelExpr.ExprKind.Kind.IDENT
            && FUNCTION_NAMESPACES.contains(target.ident().name())
            && !bound.contains(target.ident().name())) {
          // optional.of(x): a qualified function name, not a variable.
        } else if (call.function().equals("header") && call.args().size() == 1) {
          headerCall(expr, target, bound);
        } else {
          walk(target, bound);
        }
      }
      call.args().forEach(arg -> walk(arg, bound));
    }

    /** {@code X.header(name)} counts as the path {@code <X>.header}: HTTP messages only. */
    private void headerCall(CelExpr call, CelExpr target, Set<String> bound) {
      Chain chain = Chain.of(target, bound);
      if (chain == null) {
        walk(target, bound);
        return;
      }
      if (!rootKnown(chain)) {
        return;
      }
      chain.indexes().forEach(index -> walk(index, bound));
      boolean allowed =
          family.equals("http")
              && (chain.text().equals("http.request") || chain.text().equals("http.response"));
      if (!allowed) {
        paths.add(pathFailure(chain.text() + ".header", chain.root()));
      }
    }

    /** Checks the maximal chain topped by {@code expr}; false when it is not a root chain. */
    private boolean chain(CelExpr expr, Set<String> bound) {
      Chain chain = Chain.of(expr, bound);
      if (chain == null) {
        return false;
      }
      if (rootKnown(chain)) {
        chain.indexes().forEach(index -> walk(index, bound));
        if (!declared(chain)) {
          paths.add(pathFailure(chain.text(), chain.root()));
        }
      }
      return true;
    }

    /** Reports internal and unknown roots; true when the chain starts at a policy root. */
    private boolean rootKnown(Chain chain) {
      String name = chain.root().ident().name();
      if (INTERNAL_ROOTS.contains(name)) {
        internal.add(
            new ConditionFailure(
                Code.E203, "uses unsupported internal event root", offset(chain.root())));
        return false;
      }
      if (PolicyCel.root(name) == null) {
        if (!TYPE_NAMES.contains(name)) {
          unknown.add(unknownRoot(chain.root(), name));
        }
        return false;
      }
      return true;
    }

    private void freeIdent(CelExpr expr, String name, Set<String> bound) {
      if (bound.contains(name)) {
        return;
      }
      Chain chain = new Chain(expr, name, List.of());
      if (rootKnown(chain) && !declared(chain)) {
        paths.add(pathFailure(name, expr));
      }
    }

    private ConditionFailure unknownRoot(CelExpr at, String name) {
      return new ConditionFailure(
          Code.E205, "CEL compile failed: unknown policy CEL root " + rustDebug(name), offset(at));
    }

    private ConditionFailure pathFailure(String path, CelExpr at) {
      return new ConditionFailure(
          Code.E204, "uses unsupported policy path for " + family + ": " + path, offset(at));
    }

    /**
     * Whether the chain names declared fields and its root is open to the rule's family: {@code
     * common} for every family, otherwise the family's own root (Open point 1).
     */
    private boolean declared(Chain chain) {
      String root = chain.root().ident().name();
      if (!root.equals("common") && !root.equals(ownRoot(family))) {
        return false;
      }
      FieldType current = new FieldType.Nested(PolicyCel.root(root));
      for (Chain.Step step : chain.steps()) {
        if (step.field() != null) {
          String field = step.field();
          if (current instanceof FieldType.Nested nested) {
            ContextField declared = nested.struct().field(field);
            if (declared == null) {
              return false;
            }
            current = declared.type();
          } else if (current instanceof FieldType.MapOf map) {
            current = map.values();
          } else {
            return false;
          }
        } else if (current instanceof FieldType.ListOf list) {
          current = list.items();
        } else if (current instanceof FieldType.MapOf map) {
          current = map.values();
        } else {
          return false;
        }
      }
      return true;
    }

    private void comprehension(CelComprehension c, Set<String> bound) {
      walk(c.iterRange(), bound);
      walk(c.accuInit(), bound);
      Set<String> inner = new HashSet<>(bound);
      inner.add(c.iterVar());
      if (!c.iterVar2().isEmpty()) {
        inner.add(c.iterVar2());
      }
      inner.add(c.accuVar());
      walk(c.loopCondition(), inner);
      walk(c.loopStep(), inner);
      walk(c.result(), inner);
    }

    private int offset(CelExpr expr) {
      Integer codePoint = source.getPositionsMap().get(expr.id());
      return codePoint == null ? -1 : charIndex(condition, codePoint);
    }
  }

  /** The root a family's rules may read besides {@code common}; {@code null} for the others. */
  static String ownRoot(String family) {
    EventFamily eventFamily = EventFamily.named(family);
    if (eventFamily == null) {
      return null;
    }
    return switch (eventFamily) {
      case DNS, HTTP, MCP, MODEL, FILE, PROCESS, PROFILE -> family;
      case CREDENTIAL, VM, CONVERSATION -> null;
    };
  }

  /** Rust's {@code {:?}} of a string: double quotes, backslash escapes. */
  static String rustDebug(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(c);
      }
    }
    return out.append('"').toString();
  }

  /** The declared model field {@code path} refers to, for tools that list context fields. */
  static ContextStruct structOf(String root) {
    return PolicyCel.root(root);
  }
}

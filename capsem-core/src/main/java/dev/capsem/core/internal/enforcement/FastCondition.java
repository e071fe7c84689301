package dev.capsem.core.internal.enforcement;

import dev.capsem.core.internal.policycontext.PolicyContext;
import dev.cel.common.CelAbstractSyntaxTree;

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
  static final Object ERROR = new Object();

  @FunctionalInterface
  interface Eval {
    Object eval(PolicyContext context);
  }

  /** Thrown by {@link FastConditionBuilder} at a construct the fast path does not cover. */
  static final class Unsupported extends Exception {
    private static final long serialVersionUID = 1L;

    Unsupported() {
      super(null, null, false, false);
    }
  }

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
      FastConditionBuilder builder = new FastConditionBuilder(ast);
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
}

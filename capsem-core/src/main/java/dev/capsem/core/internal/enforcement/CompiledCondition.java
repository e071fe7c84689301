package dev.capsem.core.internal.enforcement;

import dev.capsem.core.internal.policycontext.PolicyContext;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.Map;

/**
 * A condition that compiled: the checked CEL program, the direct evaluator when the condition is in
 * the subset it covers (same results, measured against the CEL program by the tests), and how to
 * report which fields it matched on. Immutable and safe to share between threads.
 */
final class CompiledCondition {

  private final String text;
  private final CelAbstractSyntaxTree ast;
  private final CelRuntime.Program program;
  private final FastCondition fast;
  private final MatchedFields matchedFields;

  CompiledCondition(
      String text,
      CelAbstractSyntaxTree ast,
      CelRuntime.Program program,
      FastCondition fast,
      MatchedFields matchedFields) {
    this.text = text;
    this.ast = ast;
    this.program = program;
    this.fast = fast;
    this.matchedFields = matchedFields;
  }

  String text() {
    return text;
  }

  CelAbstractSyntaxTree ast() {
    return ast;
  }

  /** The conjunct a rule set can index this condition by, or {@code null}. */
  FastCondition.IndexKey indexKey() {
    return fast == null ? null : fast.indexKey();
  }

  /** Whether evaluation takes the direct path rather than the CEL interpreter. */
  boolean direct() {
    return fast != null;
  }

  ConditionResult evaluate(PolicyContext context) {
    return fast != null ? fast.evaluate(context) : interpret(context);
  }

  /** The CEL interpreter's outcome, whatever the direct path would say. */
  ConditionResult interpret(PolicyContext context) {
    try {
      Object result = program.eval(context.roots());
      if (result instanceof Boolean b) {
        return b ? ConditionResult.MATCH : ConditionResult.NO_MATCH;
      }
      return ConditionResult.ERROR;
    } catch (CelEvaluationException | RuntimeException e) {
      return ConditionResult.ERROR;
    }
  }

  /**
   * Why the condition failed on {@code context}, in the runtime's words: {@code CEL evaluation
   * failed: <message>} or {@code CEL result was not boolean: <value>}.
   */
  String failure(PolicyContext context) {
    try {
      Object result = program.eval(context.roots());
      if (result instanceof Boolean) {
        return null;
      }
      return "CEL result was not boolean: " + result;
    } catch (CelEvaluationException | RuntimeException e) {
      return "CEL evaluation failed: " + e.getMessage();
    }
  }

  /**
   * Whether evaluating on {@code context} stops at CEL's iteration budget (a comprehension over
   * more than the budget allows), rather than failing for another reason.
   */
  boolean exceedsBudget(PolicyContext context) {
    try {
      program.eval(context.roots());
      return false;
    } catch (CelEvaluationException e) {
      return e.getErrorCode() == dev.cel.common.CelErrorCode.ITERATION_BUDGET_EXCEEDED;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** The fields a match was made on, in upstream's report form. */
  Map<String, Object> matchedFields(PolicyContext context) {
    return matchedFields.collect(context);
  }
}

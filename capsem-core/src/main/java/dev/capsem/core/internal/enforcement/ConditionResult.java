package dev.capsem.core.internal.enforcement;

/** What one condition says about one event. */
enum ConditionResult {
  MATCH,
  NO_MATCH,
  /**
   * An evaluation error or a non-boolean result: no match in a backtest, fail closed at runtime.
   */
  ERROR
}

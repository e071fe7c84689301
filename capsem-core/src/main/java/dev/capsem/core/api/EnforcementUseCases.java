package dev.capsem.core.api;

import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.TextReport;

/**
 * {@code capsem-admin enforcement ...} (alias {@code policy}) and the matching Maven goals:
 * enforcement packs in either shape (D2), full CEL conditions (D3), backtests, rule tests. Compiled
 * conditions are cached for the life of the {@link Capsem}.
 */
public interface EnforcementUseCases {

  /** Structure and every condition (parse, roots, paths, types). */
  Outcome<TextReport> validate(GivenPath file);

  /** Every condition compiled: {@code capsem.policy-compile.v1}. */
  Outcome<TextReport> compile(GivenPath file);

  /**
   * Replays a JSONL corpus ({@code capsem.policy-backtest.v1}); with {@code expected} (or null),
   * the report must be that file's.
   */
  default Outcome<TextReport> backtest(GivenPath file, GivenPath events, GivenPath expected) {
    return backtest(file, events, expected, false);
  }

  /**
   * As above; with {@code strict}, a rule that exceeded its CEL evaluation budget on some event is
   * an error (E577) and the report is not ok. Either way the report lists such rules.
   */
  Outcome<TextReport> backtest(
      GivenPath file, GivenPath events, GivenPath expected, boolean strict);

  /** Runs a rule-test file; writes its JUnit XML to {@code junit} when given (or null). */
  Outcome<TextReport> test(GivenPath testFile, GivenPath junit);

  /** The JSON Schema of {@code capsem.policy-pack.v1}, as {@code enforcement schema} prints it. */
  Outcome<TextReport> schema();
}

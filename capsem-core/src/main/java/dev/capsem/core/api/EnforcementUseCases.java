package dev.capsem.core.api;

import dev.capsem.core.internal.enforcement.EnforcementPack;
import dev.capsem.core.internal.enforcement.PolicyEvaluator;
import java.nio.file.Path;

/**
 * {@code capsem-admin enforcement ...} (alias {@code policy}) and the matching Maven goals:
 * enforcement packs in either shape (D2), full CEL conditions (D3), and the evaluator JVM tools
 * embed ({@link PolicyEvaluator#evaluate}). Compiled conditions are cached for the life of the
 * {@link Capsem} instance.
 */
public interface EnforcementUseCases {

  /** Checks structure and every condition (parse, roots, paths, types); {@code shownAs} echoes. */
  PackValidation validate(Path file, String shownAs);

  /** Compiles every condition: {@code capsem.policy-compile.v1}. */
  PackReport compile(Path file, String shownAs);

  /** Replays a JSONL corpus: {@code capsem.policy-backtest.v1}. */
  default PackReport backtest(Path file, String shownAs, Path events, String eventsShownAs) {
    return backtest(file, shownAs, events, eventsShownAs, false);
  }

  /**
   * As above; with {@code strict}, a rule that exceeded its CEL evaluation budget on some event is
   * an error (E577) and the report is not ok. Either way the report lists such rules.
   */
  PackReport backtest(Path file, String shownAs, Path events, String eventsShownAs, boolean strict);

  /** Runs a rule-test file ({@code *.enforcement-test.toml}). */
  RuleTestOutcome test(Path testFile, String shownAs);

  /** The JSON Schema of {@code capsem.policy-pack.v1}, as {@code enforcement schema} prints it. */
  String schema();

  /** Loads an enforcement file for evaluation. */
  LoadedPolicy load(Path file, String shownAs);

  /**
   * The evaluator of a pack built in code.
   *
   * @throws IllegalArgumentException naming every rule whose condition does not compile
   */
  PolicyEvaluator evaluator(EnforcementPack pack);
}

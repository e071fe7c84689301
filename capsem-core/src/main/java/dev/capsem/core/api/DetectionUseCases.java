package dev.capsem.core.api;

import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.TextReport;

/**
 * {@code capsem-admin detection ...} and the matching Maven goals: detection packs with embedded
 * Sigma, compiled to Detection IR v1 (D15), checked against JSONL corpora.
 */
public interface DetectionUseCases {

  /** The pack envelope (the Sigma is not parsed, as upstream). */
  Outcome<TextReport> validate(GivenPath file);

  /**
   * Compiles the Sigma sources to Detection IR ({@code capsem.detection-compile.v1}): written to
   * {@code out}, or printed when it is null.
   */
  Outcome<TextReport> compile(GivenPath file, GivenPath out);

  /**
   * Runs the compiled rules over a JSONL corpus ({@code capsem.detection-check.v1}); with {@code
   * expected} (or null), the report must be that file's.
   */
  Outcome<TextReport> check(GivenPath file, GivenPath events, GivenPath expected);

  /** The JSON Schema of {@code capsem.detection-pack.v1}, as {@code detection schema} prints it. */
  Outcome<TextReport> schema();
}

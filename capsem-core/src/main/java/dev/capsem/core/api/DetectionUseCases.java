package dev.capsem.core.api;

import java.nio.file.Path;

/**
 * {@code capsem-admin detection ...} and the matching Maven goals: detection packs with embedded
 * Sigma, compiled to Detection IR v1 (D15), checked against JSONL corpora.
 */
public interface DetectionUseCases {

  /** Checks the pack envelope (the Sigma is not parsed, as upstream). */
  PackValidation validate(Path file, String shownAs);

  /**
   * Compiles the Sigma sources to Detection IR ({@code capsem.detection-compile.v1}); writes it to
   * {@code out} when given (else {@link PackReport#document()} holds it).
   */
  PackReport compile(Path file, String shownAs, Path out, String outAsGiven);

  /** Runs the compiled rules over a JSONL corpus ({@code capsem.detection-check.v1}). */
  PackReport check(Path file, String shownAs, Path events, String eventsShownAs);

  /** The JSON Schema of {@code capsem.detection-pack.v1}, as {@code detection schema} prints it. */
  String schema();
}

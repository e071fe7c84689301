package dev.capsem.core.api;

import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.TextReport;

/** {@code capsem-admin profile ...} and the matching Maven goals. */
public interface ProfileUseCases {

  /** Validates a Profile V2 file: every problem, coded, at file:line:column. */
  Outcome<TextReport> validate(GivenPath file);

  /** Writes (or prints) a valid draft. */
  Outcome<TextReport> init(InitProfileRequest request);

  /** Derives the built-in profiles from a developer guest config. */
  Outcome<TextReport> initBuiltins(InitBuiltinsRequest request);

  /** The JSON Schema of Profile V2, as {@code profile schema} prints it (trailing newline). */
  Outcome<TextReport> schema();
}

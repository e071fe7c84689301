package dev.capsem.core.api;

import java.nio.file.Path;

/** {@code capsem-admin profile ...} and the matching Maven goals. */
public interface ProfileUseCases {

  /** Validates a Profile V2 file; {@code shownAs} is the path as the user gave it. */
  Validation validate(Path file, String shownAs);

  /** Writes (or prints) a valid draft. */
  Generated init(InitProfileRequest request);

  /** Derives the built-in profiles from a developer guest config. */
  Generated initBuiltins(InitBuiltinsRequest request);

  /** The JSON Schema of Profile V2, as {@code profile schema} prints it (trailing newline). */
  String schema();
}

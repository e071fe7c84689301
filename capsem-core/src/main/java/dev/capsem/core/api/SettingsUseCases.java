package dev.capsem.core.api;

import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.TextReport;

/** {@code capsem-admin settings ...}: Service Settings V2. */
public interface SettingsUseCases {

  Outcome<TextReport> validate(GivenPath file);

  /** Validation plus the posture summary (its text, when the settings are valid). */
  Outcome<TextReport> doctor(GivenPath file);

  Outcome<TextReport> init(InitSettingsRequest request);

  /** The JSON Schema of Service Settings V2, as {@code settings schema} prints it. */
  Outcome<TextReport> schema();
}

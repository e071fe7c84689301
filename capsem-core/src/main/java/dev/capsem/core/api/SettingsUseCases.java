package dev.capsem.core.api;

import java.nio.file.Path;

/** {@code capsem-admin settings ...}: Service Settings V2. */
public interface SettingsUseCases {

  Validation validate(Path file, String shownAs);

  /**
   * Validation plus the posture summary; {@link SettingsDiagnosis#summary()} is empty when invalid.
   */
  SettingsDiagnosis doctor(Path file, String shownAs);

  Generated init(InitSettingsRequest request);

  /** The JSON Schema of Service Settings V2, as {@code settings schema} prints it. */
  String schema();
}

package dev.capsem.core.internal.settings;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.capsem.core.internal.schema.InputDocument;
import dev.capsem.core.testing.FuzzChecks;
import java.util.Map;

/** Fuzzes the Service Settings V2 reader, TOML and JSON (issue 15, item 12). */
class SettingsFuzzTest {

  @FuzzTest
  void settingsToml(byte[] input) {
    check(input, false);
  }

  @FuzzTest
  void settingsJson(byte[] input) {
    check(input, true);
  }

  private static void check(byte[] input, boolean json) {
    SettingsCheck check =
        SettingsReader.check(
            InputDocument.parse(input, "fuzz", json), "fuzz", Map.of("HOME", "/home/fuzz"));
    FuzzChecks.outcome(check.settings() != null, check.diagnostics());
  }
}

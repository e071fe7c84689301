package dev.capsem.core.internal.profile;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.capsem.core.internal.schema.InputDocument;
import dev.capsem.core.testing.FuzzChecks;

/**
 * Fuzzes the profile reader, TOML and JSON (issue 15, item 12): regression over {@code
 * ProfileFuzzTestInputs} in every build, coverage-guided with {@code JAZZER_FUZZ=1}
 * (scripts/fuzz.sh). A valid profile must also write back.
 */
class ProfileFuzzTest {

  @FuzzTest
  void profileToml(byte[] input) {
    check(input, false);
  }

  @FuzzTest
  void profileJson(byte[] input) {
    check(input, true);
  }

  private static void check(byte[] input, boolean json) {
    ProfileCheck check = ProfileReader.check(InputDocument.parse(input, "fuzz", json), "fuzz");
    FuzzChecks.outcome(check.profile() != null, check.diagnostics());
    if (check.profile() != null) {
      ProfileWriter.toml(check.profile());
      ProfileWriter.json(check.profile());
    }
  }
}

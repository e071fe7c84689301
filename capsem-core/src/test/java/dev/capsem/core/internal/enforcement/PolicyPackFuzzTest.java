package dev.capsem.core.internal.enforcement;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.capsem.core.testing.FuzzChecks;

/**
 * Fuzzes the enforcement pack reader and its CEL compiler, TOML and JSON (issue 15, item 12): a
 * pack that reads must also compile or say why.
 */
class PolicyPackFuzzTest {

  private static final ConditionCompiler COMPILER = new ConditionCompiler();

  @FuzzTest
  void policyPackToml(byte[] input) {
    check(input, "fuzz.toml");
  }

  @FuzzTest
  void policyPackJson(byte[] input) {
    check(input, "fuzz.json");
  }

  private static void check(byte[] input, String name) {
    EnforcementRead read = EnforcementReader.read(input, name, name);
    FuzzChecks.outcome(read.ok(), read.diagnostics());
    if (read.ok()) {
      PackCompilation compilation = PackCompilation.compile(read.pack(), COMPILER);
      FuzzChecks.outcome(compilation.ok(), compilation.problems());
    }
  }
}

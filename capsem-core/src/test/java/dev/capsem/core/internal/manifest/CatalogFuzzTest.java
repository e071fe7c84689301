package dev.capsem.core.internal.manifest;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.capsem.core.internal.compat.AssetGate;
import dev.capsem.core.internal.compat.BootRequest;
import dev.capsem.core.testing.FuzzChecks;

/** Fuzzes the profile catalog and the asset manifest readers (issue 15, item 12). */
class CatalogFuzzTest {

  @FuzzTest
  void catalog(byte[] input) {
    CatalogCheck check = CatalogReader.read(input, "fuzz.json");
    FuzzChecks.outcome(check.ok(), check.diagnostics());
    if (check.ok()) {
      CatalogHistory.compare(check.catalog(), check.catalog(), "fuzz.json");
    }
  }

  @FuzzTest
  void assetManifest(byte[] input) {
    AssetManifestCheck check = AssetManifestReader.read(input, "fuzz.json");
    FuzzChecks.outcome(check.ok(), check.diagnostics());
    if (check.ok()) {
      for (String binary : check.manifest().binaryReleases().keySet()) {
        AssetGate.resolve(check.manifest(), new BootRequest(binary, null));
      }
      AssetGate.resolve(check.manifest(), new BootRequest("1.0.0", "x86_64"));
    }
  }
}

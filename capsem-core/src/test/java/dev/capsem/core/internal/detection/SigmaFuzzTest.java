package dev.capsem.core.internal.detection;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.json.StringNode;
import dev.capsem.core.testing.FuzzChecks;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the Sigma YAML reader and compiler (issue 15, item 12): the input is the embedded Sigma of
 * a fixed, valid detection pack, and whatever it says must compile to IR or be refused.
 */
class SigmaFuzzTest {

  @FuzzTest
  void sigmaYaml(byte[] input) {
    String sigma = new String(input, StandardCharsets.UTF_8);
    String pack =
        "{\"schema\": \"capsem.detection-pack.v1\", \"id\": \"corp.fuzz\", \"version\": \"1\","
            + " \"status\": \"active\", \"owner\": \"corp\", \"description\": \"Fuzz.\","
            + " \"field_mapping\": {\"http\": {\"Host\": \"http.request.host\","
            + " \"Port\": \"http.request.port\"}},"
            + " \"sources\": [{\"id\": \"src-1\", \"type\": \"sigma\", \"format\": \"yaml\","
            + " \"content\": "
            + JsonPrinter.compact().print(StringNode.of(sigma))
            + "}]}";
    DetectionRead read =
        DetectionPackReader.read(pack.getBytes(StandardCharsets.UTF_8), ".json", "fuzz.json", null);
    FuzzChecks.outcome(read.ok(), read.diagnostics());
    if (read.ok()) {
      SigmaCompiler.Compiled compiled = SigmaCompiler.compile(read.pack());
      FuzzChecks.outcome(
          compiled.ok(),
          compiled.problem() == null ? java.util.List.of() : java.util.List.of(compiled.problem()));
    }
  }

  @FuzzTest
  void detectionPackYaml(byte[] input) {
    DetectionRead read = DetectionPackReader.read(input, ".yml", "fuzz.yml", null);
    FuzzChecks.outcome(read.ok(), read.diagnostics());
    if (read.ok()) {
      SigmaCompiler.Compiled compiled = SigmaCompiler.compile(read.pack());
      FuzzChecks.outcome(
          compiled.ok(),
          compiled.problem() == null ? java.util.List.of() : java.util.List.of(compiled.problem()));
    }
  }
}

package dev.capsem.core.internal.detection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.api.Capsem;
import dev.capsem.core.api.DetectionUseCases;
import dev.capsem.core.api.PackReport;
import dev.capsem.core.internal.json.JsonDialect;
import dev.capsem.core.internal.json.JsonReader;
import dev.capsem.core.internal.schema.Validated;
import dev.capsem.core.testing.Conformance;
import dev.capsem.core.testing.FixedPorts;
import dev.capsem.core.testing.PolicyDetectionVectors;
import dev.capsem.core.testing.PolicyDetectionVectors.Case;
import dev.capsem.core.testing.ReportComparison;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The detection use cases against upstream f1a612a3's captured outputs and committed IR. */
class DetectionConformanceTest {

  private final DetectionUseCases detection = Capsem.with(FixedPorts.create()).detection();

  static Stream<Case> capturedCases() {
    return PolicyDetectionVectors.cases().stream().filter(c -> c.group().equals("detection"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("capturedCases")
  void detectionCommand_capturedCase_printsUpstreamReport(Case c) {
    String pack = c.args().get(0);
    var report =
        switch (c.command()) {
          case "validate" -> detection.validate(PolicyDetectionVectors.file(pack), pack).report();
          case "check", "backtest" -> {
            String events = c.args().get(c.args().indexOf("--events") + 1);
            PackReport result =
                detection.check(
                    PolicyDetectionVectors.file(pack),
                    pack,
                    PolicyDetectionVectors.file(events),
                    events);
            assertThat(result.ok()).isEqualTo(c.exitCode() == 0);
            yield result.report();
          }
          default -> throw new IllegalArgumentException(c.command());
        };

    assertThat(ReportComparison.asUpstream(report)).isEqualTo(c.expected());
  }

  @Test
  void compile_googleSecretEgress_isTheCommittedIrByteForByte(@TempDir Path dir) throws Exception {
    String pack = "data/detection/sigma/google-secret-egress.yml";
    Path out = dir.resolve("detection.ir.json");

    PackReport result = detection.compile(Conformance.file(pack), pack, out, "detection.ir.json");

    assertThat(result.ok()).isTrue();
    assertThat(Files.readString(out))
        .isEqualTo(Conformance.text("data/detection/ir/google-secret-egress.json"));
    assertThat(result.reportJson())
        .isEqualTo(
            """
            {
              "schema": "capsem.detection-compile.v1",
              "ok": true,
              "pack_id": "corp.detection.google-secret",
              "pack_version": "2026.0522.1",
              "rule_count": 1,
              "output_path": "detection.ir.json",
              "diagnostics": []
            }
            """);
  }

  @Test
  void compile_upstreamTestPack_isTheValidIrFixtureByteForByte() {
    String pack = "inputs/detection-pack.yml";

    PackReport result = detection.compile(PolicyDetectionVectors.file(pack), pack, null, null);

    assertThat(result.document())
        .isEqualTo(Conformance.text("schemas/fixtures/detection-ir-v1-valid.json"));
  }

  @Test
  void backtest_googleSecretEgress_reproducesBacktestExpected() {
    String pack = "data/detection/sigma/google-secret-egress.yml";
    String events = "data/policy-context/canonical-policy-contexts.jsonl";

    PackReport result =
        detection.check(Conformance.file(pack), pack, Conformance.file(events), events);

    assertThat(ReportComparison.asUpstream(result.report()))
        .isEqualTo(Conformance.text("data/detection/backtest-expected/google-secret-egress.json"));
  }

  @Test
  void schemas_areUpstreamsFilesByteForByte() {
    assertThat(detection.schema())
        .isEqualTo(Conformance.text("schemas/capsem.detection-pack.v1.schema.json"));
    assertThat(DetectionPackSchema.irDocumentText())
        .isEqualTo(Conformance.text("schemas/capsem.detection.ir.v1.schema.json"));
  }

  @Test
  void irSchema_acceptsTheValidFixtureAndRejectsTheExtraField() throws Exception {
    Validated valid =
        DetectionPackSchema.IR.validate(
            JsonReader.read(
                Conformance.text("schemas/fixtures/detection-ir-v1-valid.json"),
                JsonDialect.PYDANTIC));
    Validated invalid =
        DetectionPackSchema.IR.validate(
            JsonReader.read(
                Conformance.text("schemas/fixtures/detection-ir-v1-invalid-extra-field.json"),
                JsonDialect.PYDANTIC));

    assertThat(valid.ok()).isTrue();
    assertThat(invalid.issues())
        .extracting(i -> i.path() + ": " + i.message())
        .containsExactly("unexpected: Extra inputs are not permitted");
  }
}

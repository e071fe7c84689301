package dev.capsem.core.internal.detection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.TextReport;
import dev.capsem.core.internal.json.JsonDialect;
import dev.capsem.core.internal.json.JsonReader;
import dev.capsem.core.internal.schema.Validated;
import dev.capsem.core.testing.Conformance;
import dev.capsem.core.testing.FixedPorts;
import dev.capsem.core.testing.PolicyDetectionVectors;
import dev.capsem.core.testing.PolicyDetectionVectors.Case;
import dev.capsem.core.testing.ReportComparison;
import dev.capsem.core.testing.Reports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The detection use cases against upstream f1a612a3's captured outputs and committed IR. */
class DetectionConformanceTest {

  private final DetectionFlow detection =
      new DetectionFlow(FixedPorts.create().clock(), dev.capsem.core.ports.FileAccess.local());

  static Stream<Case> capturedCases() {
    return PolicyDetectionVectors.cases().stream().filter(c -> c.group().equals("detection"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("capturedCases")
  void detectionCommand_capturedCase_printsUpstreamReport(Case c) {
    String pack = c.args().get(0);
    var report =
        switch (c.command()) {
          case "validate" ->
              Reports.tree(
                  detection.validate(new GivenPath(PolicyDetectionVectors.file(pack), pack)));
          case "check", "backtest" -> {
            String events = c.args().get(c.args().indexOf("--events") + 1);
            Outcome<TextReport> result =
                detection.check(
                    new GivenPath(PolicyDetectionVectors.file(pack), pack),
                    new GivenPath(PolicyDetectionVectors.file(events), events),
                    null);
            assertThat(result.ok()).isEqualTo(c.exitCode() == 0);
            yield Reports.tree(result);
          }
          default -> throw new IllegalArgumentException(c.command());
        };

    assertThat(ReportComparison.asUpstream(report)).isEqualTo(c.expected());
  }

  @Test
  void compile_googleSecretEgress_isTheCommittedIrByteForByte(@TempDir Path dir) throws Exception {
    String pack = "data/detection/sigma/google-secret-egress.yml";
    Path out = dir.resolve("detection.ir.json");

    Outcome<TextReport> result =
        detection.compile(
            new GivenPath(Conformance.file(pack), pack), new GivenPath(out, "detection.ir.json"));

    assertThat(result.ok()).isTrue();
    assertThat(Files.readString(out))
        .isEqualTo(Conformance.text("data/detection/ir/google-secret-egress.json"));
    assertThat(result.json())
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

    Outcome<TextReport> result =
        detection.compile(new GivenPath(PolicyDetectionVectors.file(pack), pack), null);

    assertThat(result.value().text())
        .isEqualTo(Conformance.text("schemas/fixtures/detection-ir-v1-valid.json"));
  }

  @Test
  void backtest_googleSecretEgress_reproducesBacktestExpected() {
    String pack = "data/detection/sigma/google-secret-egress.yml";
    String events = "data/policy-context/canonical-policy-contexts.jsonl";

    Outcome<TextReport> result =
        detection.check(
            new GivenPath(Conformance.file(pack), pack),
            new GivenPath(Conformance.file(events), events),
            null);

    assertThat(ReportComparison.asUpstream(Reports.tree(result)))
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

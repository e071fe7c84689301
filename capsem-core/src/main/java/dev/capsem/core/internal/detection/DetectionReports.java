package dev.capsem.core.internal.detection;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.enforcement.EnforcementReports;
import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.BooleanNode;
import dev.capsem.core.internal.json.FloatNode;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Upstream's detection report shapes: {@code capsem.detection-compile.v1} and {@code -check.v1}.
 */
public final class DetectionReports {

  public static final String COMPILE_SCHEMA = "capsem.detection-compile.v1";
  public static final String CHECK_SCHEMA = "capsem.detection-check.v1";

  private DetectionReports() {}

  /**
   * {@code {schema, ok, pack_id?, pack_version?, rule_count, output_path?, diagnostics}}: the ids
   * only when the pack loaded and compiled, as upstream writes them.
   */
  public static ObjectNode compile(
      DetectionPack pack, DetectionIr ir, String outputPath, List<Diagnostic> diagnostics) {
    ObjectNode.Builder report =
        ObjectNode.builder()
            .put("schema", COMPILE_SCHEMA)
            .put("ok", BooleanNode.of(ir != null && diagnostics.isEmpty()));
    if (ir != null) {
      report.put("pack_id", pack.id()).put("pack_version", pack.version());
    }
    report.put("rule_count", ir == null ? 0 : ir.rules().size());
    if (outputPath != null) {
      report.put("output_path", outputPath);
    }
    EnforcementReports.diagnostics(report, diagnostics);
    return report.build();
  }

  /**
   * {@code {schema, ok, pack_id, pack_version, event_count, rule_count, match_count, findings,
   * diagnostics, timing}}.
   */
  public static ObjectNode check(
      DetectionPack pack,
      DetectionIr ir,
      int eventCount,
      List<DetectionCheck.Finding> findings,
      List<Diagnostic> diagnostics,
      double durationMs) {
    List<Node> items = new ArrayList<>(findings.size());
    for (DetectionCheck.Finding finding : findings) {
      DetectionIr.Rule rule = finding.rule();
      ObjectNode.Builder item =
          ObjectNode.builder()
              .put("event_id", finding.fixture().eventRef().eventId())
              .put("rule_id", rule.id())
              .put("pack_id", ir.packId())
              .put("pack_version", ir.packVersion());
      if (rule.sigmaId() != null) {
        item.put("sigma_id", rule.sigmaId());
      }
      items.add(
          item.put("title", rule.title())
              .put("severity", rule.severity())
              .put("confidence", rule.confidence())
              .put("tags", ArrayNode.ofStrings(rule.tags()))
              .put("matched_fields", EnforcementReports.fields(finding.fields()))
              .build());
    }
    ObjectNode.Builder report =
        ObjectNode.builder()
            .put("schema", CHECK_SCHEMA)
            .put("ok", BooleanNode.of(diagnostics.isEmpty()))
            .put("pack_id", pack.id())
            .put("pack_version", pack.version())
            .put("event_count", eventCount)
            .put("rule_count", ir.rules().size())
            .put("match_count", findings.size())
            .put("findings", ArrayNode.of(items));
    EnforcementReports.diagnostics(report, diagnostics);
    report.put(
        "timing", ObjectNode.builder().put("duration_ms", new FloatNode(durationMs, null)).build());
    return report.build();
  }
}

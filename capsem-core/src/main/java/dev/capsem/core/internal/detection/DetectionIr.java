package dev.capsem.core.internal.detection;

import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Detection IR ({@code capsem.detection.ir.v1}, D15): rules of {@code equals_any} matchers, as the
 * Capsem runtime reads them.
 */
public record DetectionIr(
    String packId, String packVersion, String packStatus, String owner, List<Rule> rules) {

  /** One detection rule: an event family and matchers that must all hold. */
  public record Rule(
      String id,
      String sourceId,
      String sigmaId,
      String title,
      String eventFamily,
      String condition,
      List<Matcher> matchers,
      String severity,
      String confidence,
      List<String> tags) {
    public Rule {
      Objects.requireNonNull(id, "id");
      matchers = List.copyOf(matchers);
      tags = List.copyOf(tags);
    }
  }

  /**
   * The value at {@code fieldPath} must equal one of {@code values} (strings, integers, floats or
   * booleans, as JSON scalars), mapped from the Sigma field {@code sigmaField}.
   */
  public record Matcher(String fieldPath, List<Node> values, String sigmaField) {
    public Matcher {
      values = List.copyOf(values);
    }
  }

  public DetectionIr {
    rules = List.copyOf(rules);
  }

  /** Upstream's JSON form, fields in upstream's order, {@code sigma_id} left out when absent. */
  public ObjectNode json() {
    List<Node> items = new ArrayList<>();
    for (Rule rule : rules) {
      ObjectNode.Builder r =
          ObjectNode.builder().put("id", rule.id()).put("source_id", rule.sourceId());
      if (rule.sigmaId() != null) {
        r.put("sigma_id", rule.sigmaId());
      }
      List<Node> matchers = new ArrayList<>();
      for (Matcher m : rule.matchers()) {
        matchers.add(
            ObjectNode.builder()
                .put("field_path", m.fieldPath())
                .put("operator", "equals_any")
                .put("values", ArrayNode.of(m.values()))
                .put("sigma_field", m.sigmaField())
                .build());
      }
      items.add(
          r.put("title", rule.title())
              .put("event_family", rule.eventFamily())
              .put("condition", rule.condition())
              .put("matchers", ArrayNode.of(matchers))
              .put("severity", rule.severity())
              .put("confidence", rule.confidence())
              .put("tags", ArrayNode.ofStrings(rule.tags()))
              .build());
    }
    return ObjectNode.builder()
        .put("schema", DetectionPackSchema.IR_SCHEMA)
        .put("pack_id", packId)
        .put("pack_version", packVersion)
        .put("pack_status", packStatus)
        .put("owner", owner)
        .put("rules", ArrayNode.of(items))
        .build();
  }

  /** The file {@code detection compile --out} writes: indented JSON and one newline. */
  public String text() {
    return JsonPrinter.pretty().printLine(json());
  }
}

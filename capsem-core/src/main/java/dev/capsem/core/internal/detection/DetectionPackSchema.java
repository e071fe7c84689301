package dev.capsem.core.internal.detection;

import static dev.capsem.core.internal.schema.Schema.enumType;
import static dev.capsem.core.internal.schema.Schema.list;
import static dev.capsem.core.internal.schema.Schema.map;
import static dev.capsem.core.internal.schema.Schema.nonEmptyString;
import static dev.capsem.core.internal.schema.Schema.object;
import static dev.capsem.core.internal.schema.Schema.oneOf;
import static dev.capsem.core.internal.schema.Schema.string;

import dev.capsem.core.diag.Code;
import dev.capsem.core.internal.enforcement.PolicyPackSchema;
import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.json.StringNode;
import dev.capsem.core.internal.schema.ObjectSchema;
import dev.capsem.core.internal.schema.PydanticJsonSchema;
import dev.capsem.core.internal.schema.Refusal;
import dev.capsem.core.internal.schema.Schema;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code capsem.detection-pack.v1} and {@code capsem.detection.ir.v1} as upstream's {@code
 * DetectionPackV1} and {@code DetectionIRV1} declare them: field order, defaults, messages, and the
 * model validators (E210, E211, E008, E212).
 */
public final class DetectionPackSchema {

  public static final String SCHEMA = "capsem.detection-pack.v1";
  public static final String IR_SCHEMA = "capsem.detection.ir.v1";

  private static final ArrayNode NONE = ArrayNode.of(List.of());
  private static final ObjectNode EMPTY = ObjectNode.empty();

  static final Schema SEVERITY = enumType("Severity", "info", "low", "medium", "high", "critical");
  static final Schema CONFIDENCE = enumType("Confidence", "low", "medium", "high");

  static final ObjectSchema SOURCE =
      object("DetectionSourceV1")
          .required("id", string().pattern(PolicyPackSchema.RULE_ID_PATTERN))
          .required("type", oneOf("sigma", "ir", "reference"))
          .optional("format", oneOf("yaml", "json"))
          .optional("content", nonEmptyString())
          .optional("path", nonEmptyString())
          .optional("url", nonEmptyString())
          .optional("hash", nonEmptyString())
          .optional("signature_url", nonEmptyString())
          .check(DetectionPackSchema::sourceHasPayload)
          .build();

  static final ObjectSchema FINDINGS =
      object("FindingDefaults")
          .defaulted("default_severity", SEVERITY, StringNode.of("medium"))
          .defaulted("default_confidence", CONFIDENCE, StringNode.of("medium"))
          .defaultFactory("tags", list(nonEmptyString()), NONE)
          .defaultFactory("export_routes", list(nonEmptyString()), NONE)
          .build();

  static final ObjectSchema PACK =
      object("DetectionPackV1")
          .defaulted("schema", Schema.literal(SCHEMA), StringNode.of(SCHEMA))
          .required("id", string().pattern(PolicyPackSchema.PACK_ID_PATTERN))
          .required("version", nonEmptyString())
          .required("status", PolicyPackSchema.PACK_STATUS)
          .required("owner", PolicyPackSchema.PACK_OWNER)
          .required("description", nonEmptyString())
          .defaultFactory("profile_scope", PolicyPackSchema.PROFILE_SCOPE, EMPTY)
          .required("sources", list(SOURCE).minItems(1))
          .defaultFactory(
              "field_mapping",
              map(nonEmptyString(), map(nonEmptyString(), nonEmptyString())),
              EMPTY)
          .defaultFactory("findings", FINDINGS, EMPTY)
          .defaultFactory("locks", PolicyPackSchema.PACK_LOCKS, EMPTY)
          .check(DetectionPackSchema::sigmaSourcesHaveMappingAndUniqueIds)
          .build();

  static final ObjectSchema IR_MATCHER =
      object("DetectionIRMatcherV1")
          .required("field_path", nonEmptyString())
          .defaulted("operator", Schema.literal("equals_any"), StringNode.of("equals_any"))
          .required("values", list(Schema.scalar()).minItems(1))
          .required("sigma_field", nonEmptyString())
          .build();

  static final ObjectSchema IR_RULE =
      object("DetectionIRRuleV1")
          .required("id", string().pattern(PolicyPackSchema.RULE_ID_PATTERN))
          .required("source_id", string().pattern(PolicyPackSchema.RULE_ID_PATTERN))
          .optional("sigma_id", nonEmptyString())
          .required("title", nonEmptyString())
          .required("event_family", PolicyPackSchema.EVENT_FAMILY)
          .required("condition", nonEmptyString())
          .required("matchers", list(IR_MATCHER).minItems(1))
          .required("severity", SEVERITY)
          .required("confidence", CONFIDENCE)
          .defaultFactory("tags", list(nonEmptyString()), NONE)
          .build();

  static final ObjectSchema IR =
      object("DetectionIRV1")
          .defaulted("schema", Schema.literal(IR_SCHEMA), StringNode.of(IR_SCHEMA))
          .required("pack_id", string().pattern(PolicyPackSchema.PACK_ID_PATTERN))
          .required("pack_version", nonEmptyString())
          .required("pack_status", PolicyPackSchema.PACK_STATUS)
          .required("owner", PolicyPackSchema.PACK_OWNER)
          .required("rules", list(IR_RULE).minItems(1))
          .build();

  private DetectionPackSchema() {}

  /** What {@code detection schema} prints: the pack's JSON Schema, one trailing newline. */
  public static String documentText() {
    return PydanticJsonSchema.text(PACK);
  }

  /** The JSON Schema of Detection IR, one trailing newline. */
  public static String irDocumentText() {
    return PydanticJsonSchema.text(IR);
  }

  private static Refusal sourceHasPayload(ObjectNode source) {
    if (!source.has("content") && !source.has("path") && !source.has("url")) {
      return Refusal.valueError(
          Code.E210, "detection source requires one of content, path, or url");
    }
    if ("sigma".equals(source.string("type")) && !"yaml".equals(source.string("format"))) {
      return Refusal.valueError(Code.E211, "sigma detection source requires format=yaml");
    }
    return null;
  }

  private static Refusal sigmaSourcesHaveMappingAndUniqueIds(ObjectNode pack) {
    Set<String> seen = new HashSet<>();
    boolean needsMapping = false;
    for (Node item : ((ArrayNode) pack.get("sources")).items()) {
      ObjectNode source = (ObjectNode) item;
      if (!seen.add(source.string("id"))) {
        return Refusal.valueError(
            Code.E008, "duplicate detection source id: " + source.string("id"));
      }
      needsMapping |= "sigma".equals(source.string("type"));
    }
    if (needsMapping && pack.object("field_mapping").isEmpty()) {
      return Refusal.valueError(Code.E212, "sigma detection sources require field_mapping");
    }
    return null;
  }
}

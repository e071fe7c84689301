package dev.capsem.core.internal.enforcement;

import static dev.capsem.core.internal.schema.Schema.bool;
import static dev.capsem.core.internal.schema.Schema.enumType;
import static dev.capsem.core.internal.schema.Schema.integer;
import static dev.capsem.core.internal.schema.Schema.list;
import static dev.capsem.core.internal.schema.Schema.nonEmptyString;
import static dev.capsem.core.internal.schema.Schema.object;
import static dev.capsem.core.internal.schema.Schema.oneOf;
import static dev.capsem.core.internal.schema.Schema.string;

import dev.capsem.core.diag.Code;
import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.BooleanNode;
import dev.capsem.core.internal.json.IntegerNode;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.json.StringNode;
import dev.capsem.core.internal.policycontext.EventFamily;
import dev.capsem.core.internal.schema.ObjectSchema;
import dev.capsem.core.internal.schema.PydanticJsonSchema;
import dev.capsem.core.internal.schema.Refusal;
import dev.capsem.core.internal.schema.Schema;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code capsem.policy-pack.v1} as upstream's {@code PolicyPackV1} declares it (field order,
 * defaults, messages), plus our alias {@code capsem.enforcement-pack.v1} on input (D2). The pack
 * parts shared with detection packs ({@code ProfileScope}, {@code PackLocks}, status and owner) are
 * public for the detection schema.
 */
public final class PolicyPackSchema {

  public static final String SCHEMA = "capsem.policy-pack.v1";

  /** Ours (D2): the brief's name for the same schema. */
  public static final String ALIAS = "capsem.enforcement-pack.v1";

  public static final String PACK_ID_PATTERN = "^[a-z0-9][a-z0-9_.-]{2,95}$";
  public static final String RULE_ID_PATTERN = "^[a-z0-9][a-z0-9_.-]{1,127}$";

  static final long MIN_PRIORITY = -1000;
  static final long MAX_PRIORITY = 1000;
  static final long DEFAULT_PRIORITY = 100;

  private static final ArrayNode NONE = ArrayNode.of(List.of());
  private static final ObjectNode EMPTY = ObjectNode.empty();

  public static final Schema PACK_STATUS =
      enumType("PackStatus", "active", "deprecated", "revoked");
  public static final Schema PACK_OWNER = enumType("PackOwner", "corp", "vendor", "user");
  public static final Schema EVENT_FAMILY =
      enumType("EventFamily", EventFamily.NAMES.toArray(String[]::new));

  public static final ObjectSchema PROFILE_SCOPE =
      object("ProfileScope")
          .defaultFactory("profile_ids", list(nonEmptyString()), NONE)
          .defaultFactory("profile_types", list(oneOf("everyday-work", "coding")), NONE)
          .defaultFactory("required_tools", list(nonEmptyString()), NONE)
          .defaultFactory("required_packages", list(nonEmptyString()), NONE)
          .build();

  public static final ObjectSchema PACK_LOCKS = locks();

  static final ObjectSchema REWRITE =
      object("RewritePayload")
          .required("target", nonEmptyString())
          .optional("value", string())
          .defaultFactory("strip_request_headers", list(nonEmptyString()), NONE)
          .defaultFactory("strip_response_headers", list(nonEmptyString()), NONE)
          .build();

  static final ObjectSchema PROVENANCE =
      object("RuleProvenance")
          .optional("generated_by", nonEmptyString())
          .optional("source_pack", nonEmptyString())
          .optional("source_profile_revision", nonEmptyString())
          .optional("confirm_id", nonEmptyString())
          .optional("detection_suggestion_id", nonEmptyString())
          .build();

  static final ObjectSchema RULE =
      object("PolicyRuleV1")
          .required("id", string().pattern(RULE_ID_PATTERN))
          .required("name", nonEmptyString())
          .optional("description", nonEmptyString())
          .defaulted("enabled", bool(), BooleanNode.of(true))
          .required("event_family", EVENT_FAMILY)
          .required("event_type", nonEmptyString())
          .defaulted(
              "priority",
              integer().atLeast(MIN_PRIORITY).atMost(MAX_PRIORITY),
              IntegerNode.of(DEFAULT_PRIORITY))
          .required("condition", nonEmptyString())
          .required("decision", enumType("PolicyDecision", "allow", "block", "ask", "rewrite"))
          .optional("rewrite", REWRITE)
          .optional("reason", nonEmptyString())
          .defaultFactory("tags", list(nonEmptyString()), NONE)
          .defaultFactory("references", list(nonEmptyString()), NONE)
          .defaultFactory("provenance", PROVENANCE, EMPTY)
          .check(PolicyPackSchema::rewriteMatchesDecision)
          .build();

  static final ObjectSchema PACK =
      object("PolicyPackV1")
          .defaulted("schema", Schema.literalAccepting(SCHEMA, ALIAS), StringNode.of(SCHEMA))
          .required("id", string().pattern(PACK_ID_PATTERN))
          .required("version", nonEmptyString())
          .required("status", PACK_STATUS)
          .required("owner", PACK_OWNER)
          .optional("description", nonEmptyString())
          .defaultFactory("profile_scope", PROFILE_SCOPE, EMPTY)
          .defaultFactory("locks", PACK_LOCKS, EMPTY)
          .required("rules", list(RULE).minItems(1))
          .check(PolicyPackSchema::uniqueRuleIds)
          .build();

  private PolicyPackSchema() {}

  /** What {@code enforcement schema} prints: Pydantic's JSON Schema of the pack, one newline. */
  public static String documentText() {
    return PydanticJsonSchema.text(PACK);
  }

  private static ObjectSchema locks() {
    ObjectSchema.Builder locks = object("PackLocks");
    for (String lock :
        List.of("editable", "allow_user_disable", "allow_severity_override", "allow_suppression")) {
      locks.defaulted(lock, bool(), BooleanNode.of(true));
    }
    return locks.build();
  }

  private static Refusal rewriteMatchesDecision(ObjectNode rule) {
    boolean rewrite = "rewrite".equals(rule.string("decision"));
    if (rewrite && !rule.has("rewrite")) {
      return Refusal.valueError(Code.E201, "rewrite decision requires rewrite payload");
    }
    if (!rewrite && rule.has("rewrite")) {
      return Refusal.valueError(Code.E202, "rewrite payload is only valid for rewrite decision");
    }
    return null;
  }

  private static Refusal uniqueRuleIds(ObjectNode pack) {
    Set<String> seen = new HashSet<>();
    for (Node rule : ((ArrayNode) pack.get("rules")).items()) {
      String id = ((ObjectNode) rule).string("id");
      if (!seen.add(id)) {
        return Refusal.valueError(Code.E008, "duplicate policy rule id: " + id);
      }
    }
    return null;
  }
}

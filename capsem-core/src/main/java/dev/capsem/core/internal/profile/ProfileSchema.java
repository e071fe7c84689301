package dev.capsem.core.internal.profile;

import static dev.capsem.core.internal.schema.Schema.bool;
import static dev.capsem.core.internal.schema.Schema.enumType;
import static dev.capsem.core.internal.schema.Schema.integer;
import static dev.capsem.core.internal.schema.Schema.list;
import static dev.capsem.core.internal.schema.Schema.literal;
import static dev.capsem.core.internal.schema.Schema.map;
import static dev.capsem.core.internal.schema.Schema.nonEmptyString;
import static dev.capsem.core.internal.schema.Schema.object;
import static dev.capsem.core.internal.schema.Schema.oneOf;
import static dev.capsem.core.internal.schema.Schema.string;
import static dev.capsem.core.internal.schema.Schema.url;

import dev.capsem.core.diag.Code;
import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.BooleanNode;
import dev.capsem.core.internal.json.IntegerNode;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.json.StringNode;
import dev.capsem.core.internal.schema.ObjectSchema;
import dev.capsem.core.internal.schema.Refusal;
import dev.capsem.core.internal.schema.Schema;
import java.util.List;

/**
 * Profile V2 as upstream's admin model ({@code ProfilePayloadV2}) declares it: field order, lax
 * input, defaults and messages. The JSON Schema's stricter rules live in {@link
 * ProfileStrictRules}.
 *
 * <p>Models carry upstream's class names, enum classes are declared as such and default factories
 * as such, so that {@link ProfileSchemaDocument} can describe the model as Pydantic does.
 */
final class ProfileSchema {

  static final String PROFILE_ID_PATTERN = "^[a-z0-9][a-z0-9-]{2,63}$";
  static final String REVISION_PATTERN = "^[0-9]{4}\\.[0-9]{4}\\.[0-9]+$";
  static final String HASH_PATTERN = "^blake3:[0-9a-f]{64}$";
  static final List<String> RULE_FAMILIES = List.of("mcp", "http", "dns", "model", "hook");
  static final List<String> CAPABILITIES =
      List.of(
          "credential_brokerage",
          "pii_detection",
          "mcp_rag",
          "mcp_tools",
          "network_egress",
          "file_boundaries",
          "audit");
  static final List<String> EDITABLE_SECTIONS =
      List.of(
          "general",
          "appearance",
          "ai",
          "mcpServers",
          "skills",
          "packages",
          "tools",
          "vm",
          "security_capabilities",
          "security_rules");

  /** Ours (D2): the brief's {@code priority = 1000} is valid; upstream stops at 999. */
  static final long MAX_RULE_PRIORITY = 1000;

  static final long MIN_RULE_PRIORITY = -1000;

  private static final ObjectNode EMPTY = ObjectNode.empty();
  private static final ArrayNode NONE = ArrayNode.of(List.of());

  private static final Schema CAPABILITY_MODE =
      enumType("CapabilityMode", "allow", "ask", "block", "audit");

  static final ObjectSchema SECURITY_RULE =
      object("SecurityRule")
          .required("on", nonEmptyString())
          .required("if", nonEmptyString())
          .required("decision", enumType("RuleDecision", "allow", "ask", "block", "rewrite"))
          .defaulted(
              "priority",
              integer().atLeast(MIN_RULE_PRIORITY).atMost(MAX_RULE_PRIORITY),
              IntegerNode.of(1))
          .optional("rewrite_target", nonEmptyString())
          .optional("rewrite_value", nonEmptyString())
          .defaultFactory("strip_request_headers", list(nonEmptyString()), NONE)
          .defaultFactory("strip_response_headers", list(nonEmptyString()), NONE)
          .optional("reason", nonEmptyString())
          .build();

  static final ObjectSchema SECURITY_RULES = securityRules();

  static final ObjectSchema SECURITY =
      object("SecuritySettings")
          .defaultFactory("capabilities", capabilities(), EMPTY)
          .defaultFactory("rules", SECURITY_RULES, EMPTY)
          .build();

  private static final ObjectSchema ASSET =
      object("AssetDeclaration")
          .required("url", url())
          .required("hash", string().pattern(HASH_PATTERN))
          .required("signature_url", url())
          .required("size", integer().atLeast(1))
          .required("content_type", nonEmptyString())
          .build();

  private static final ObjectSchema ARCH_ASSETS =
      object("ArchAssets")
          .required("kernel", ASSET)
          .required("initrd", ASSET)
          .required("rootfs", ASSET)
          .build();

  private static final ObjectSchema MCP_SERVER =
      object("McpServer")
          .defaulted("enabled", bool(), BooleanNode.of(true))
          .optional("type", oneOf("stdio", "http", "sse"))
          .optional("command", nonEmptyString())
          .defaultFactory("args", list(nonEmptyString()), NONE)
          .defaultFactory("env", map(nonEmptyString(), string()), EMPTY)
          .optional("url", url())
          .defaultFactory("headers", map(nonEmptyString(), string()), EMPTY)
          .optional("bearerToken", string())
          .optional("pool_size", integer().atLeast(1))
          .defaultFactory("pool_safe_tools", list(nonEmptyString()), NONE)
          .defaultFactory(
              "capsem",
              object("McpServerCapsem")
                  .defaultFactory("credential_refs", list(nonEmptyString()), NONE)
                  .defaultFactory("allowed_tools", list(nonEmptyString()), NONE)
                  .defaultFactory("rules", SECURITY_RULES, EMPTY)
                  .build(),
              EMPTY)
          .check(ProfileSchema::mcpTransport)
          .build();

  static final ObjectSchema PROFILE =
      object("ProfilePayloadV2")
          .required("schema", literal("capsem.profile.v2"))
          .required("version", literal(2))
          .required("id", string().pattern(PROFILE_ID_PATTERN))
          .required("revision", string().pattern(REVISION_PATTERN))
          .required("name", nonEmptyString())
          .required("description", nonEmptyString())
          .required("best_for", nonEmptyString())
          .required("profile_type", enumType("ProfileType", "everyday-work", "coding"))
          .required("ui", enumType("ProfileUi", "everyday", "coding"))
          .optional("icon_svg", string().validatedBy(ProfileSchema::inlineSvg))
          .optional("extends_profile_id", string().pattern(PROFILE_ID_PATTERN))
          .optional("extends_profile_revision", string().pattern(REVISION_PATTERN))
          .required(
              "compatibility",
              object("Compatibility")
                  .required("min_binary", nonEmptyString())
                  .defaulted("max_binary", string(), StringNode.of(""))
                  .required("guest_abi", string().pattern("^capsem-guest-v[0-9]+$"))
                  .build())
          .defaultFactory(
              "general",
              object("GeneralSettings").optional("display_name", nonEmptyString()).build(),
              EMPTY)
          .defaultFactory(
              "appearance",
              object("AppearanceSettings")
                  .optional("theme", oneOf("inherit-service", "system", "light", "dark"))
                  .optional("accent", string())
                  .build(),
              EMPTY)
          .defaultFactory("editable", editable(), EMPTY)
          .defaultFactory(
              "ai",
              object("AiSettings")
                  .defaultFactory(
                      "providers",
                      map(
                          object("AiProvider")
                              .optional("enabled", bool())
                              .optional("model", nonEmptyString())
                              .optional("base_url", url())
                              .defaultFactory("credential_refs", list(nonEmptyString()), NONE)
                              .defaultFactory("rules", SECURITY_RULES, EMPTY)
                              .build()),
                      EMPTY)
                  .build(),
              EMPTY)
          .defaultFactory("mcpServers", map(MCP_SERVER), EMPTY)
          .defaultFactory(
              "skills",
              object("SkillsSettings")
                  .defaultFactory("groups", list(nonEmptyString()), NONE)
                  .defaultFactory("enabled", list(nonEmptyString()), NONE)
                  .defaultFactory("disabled", list(nonEmptyString()), NONE)
                  .build(),
              EMPTY)
          .required(
              "vm",
              object("VmSettings")
                  .required("memory_mib", integer().atLeast(512))
                  .required("cpus", integer().atLeast(1))
                  .required("disk_mib", integer().atLeast(1024))
                  .required("network", enumType("VmNetworkMode", "proxied", "disabled", "direct"))
                  .defaulted("track_rootfs_dependencies", bool(), BooleanNode.of(true))
                  .optional("rootfs_image", nonEmptyString())
                  .required("assets", map(oneOf("arm64", "x86_64"), ARCH_ASSETS))
                  .build())
          .required(
              "packages",
              object("PackageContract")
                  .required("runtimes", map(nonEmptyString()))
                  .defaultFactory("python_modules", map(nonEmptyString()), EMPTY)
                  .defaultFactory("node_packages", map(nonEmptyString()), EMPTY)
                  .required(
                      "system",
                      object("SystemPackages")
                          .required("distro", literal("debian"))
                          .required("release", nonEmptyString())
                          .defaultFactory("apt", map(nonEmptyString()), EMPTY)
                          .build())
                  .build())
          .required(
              "tools",
              map(
                  object("ToolContract")
                      .required("version", nonEmptyString())
                      .required("required", bool())
                      .required("source", enumType("ToolSource", "guest", "host", "profile"))
                      .build()))
          .required("security", SECURITY)
          .check(ProfileSchema::extendsPair)
          .build();

  private ProfileSchema() {}

  private static ObjectSchema securityRules() {
    ObjectSchema.Builder rules = object("SecurityRules");
    for (String family : RULE_FAMILIES) {
      rules.defaultFactory(family, map(SECURITY_RULE), EMPTY);
    }
    return rules.build();
  }

  private static ObjectSchema editable() {
    ObjectSchema.Builder editable = object("ProfileSectionEditability");
    for (String section : EDITABLE_SECTIONS) {
      editable.defaulted(section, bool(), BooleanNode.of(true));
    }
    return editable.build();
  }

  private static ObjectSchema capabilities() {
    ObjectSchema.Builder capabilities = object("SecurityCapabilities");
    for (String capability : CAPABILITIES) {
      capabilities.optional(capability, CAPABILITY_MODE);
    }
    return capabilities.build();
  }

  private static Refusal inlineSvg(String value) {
    return value.stripLeading().startsWith("<svg")
        ? null
        : Refusal.valueError(Code.E012, "icon_svg must be inline SVG");
  }

  private static Refusal extendsPair(ObjectNode profile) {
    boolean id = profile.has("extends_profile_id");
    boolean revision = profile.has("extends_profile_revision");
    return id == revision
        ? null
        : Refusal.valueError(
            Code.E101, "extends_profile_id and extends_profile_revision must be set together");
  }

  private static Refusal mcpTransport(ObjectNode server) {
    boolean command = server.has("command");
    boolean url = server.has("url");
    String type = server.string("type");
    if (command == url) {
      return Refusal.valueError(Code.E007, "MCP server must set exactly one of command or url");
    }
    if ("stdio".equals(type) && !command) {
      return Refusal.valueError(Code.E007, "MCP server type=stdio requires command");
    }
    if (("http".equals(type) || "sse".equals(type)) && !url) {
      return Refusal.valueError(Code.E007, "MCP server type=http/sse requires url");
    }
    return null;
  }
}

package dev.capsem.core.internal.policycontext;

import dev.capsem.core.internal.json.BooleanNode;
import dev.capsem.core.internal.json.IntegerNode;
import dev.capsem.core.internal.json.StringNode;
import dev.capsem.core.internal.policycontext.FieldType.Choice;
import dev.capsem.core.internal.policycontext.FieldType.Flag;
import dev.capsem.core.internal.policycontext.FieldType.ListOf;
import dev.capsem.core.internal.policycontext.FieldType.MapOf;
import dev.capsem.core.internal.policycontext.FieldType.Nested;
import dev.capsem.core.internal.policycontext.FieldType.Text;
import dev.capsem.core.internal.schema.ObjectSchema;
import dev.capsem.core.internal.schema.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The policy context as upstream declares it ({@code PolicyContextV1} and its parts in {@code
 * security_packs.py}): every struct, field, type, bound and default. It is the one declaration
 * behind fixture validation, the CEL type environment and the path checks.
 */
public final class PolicyContextModel {

  private static final Long ZERO = 0L;

  static final ContextStruct BODY =
      ContextStruct.builder("BodyPolicyContextV1", "capsem.policy.Body")
          .defaulted(
              "state",
              new Choice(List.of("missing", "text", "binary", "redacted")),
              StringNode.of("missing"))
          .anyText("text", "content_type")
          .whole("size", ZERO, null)
          .defaulted("truncated", new Flag(), BooleanNode.of(false))
          .anyText("redaction_reason")
          .build();

  private static final MapOf HEADERS = new MapOf(new ListOf(new Text(true)));

  static final ContextStruct PROCESS_IDENTITY =
      ContextStruct.builder("ProcessIdentityPolicyContextV1", "capsem.policy.ProcessIdentity")
          .whole("pid", ZERO, null)
          .whole("ppid", ZERO, null)
          .text("executable", "command", "cwd")
          .build();

  static final ContextStruct COMMON =
      ContextStruct.builder("CommonPolicyContextV1", "capsem.policy.Common")
          .text(
              "session_id",
              "vm_id",
              "profile_id",
              "profile_revision",
              "user_id",
              "event_type",
              "enforceability",
              "actor")
          .optional("process", PROCESS_IDENTITY)
          .factory("labels", new MapOf(new Text(true)))
          .build();

  static final ContextStruct HTTP_REQUEST =
      ContextStruct.builder("HttpRequestPolicyContextV1", "capsem.policy.HttpRequest")
          .text("method", "scheme", "host")
          .whole("port", 1L, 65535L)
          .text("path")
          .anyText("query")
          .text("url", "path_class")
          .whole("bytes", ZERO, null)
          .factory("headers", HEADERS)
          .factory("body", new Nested(BODY))
          .build();

  static final ContextStruct HTTP_RESPONSE =
      ContextStruct.builder("HttpResponsePolicyContextV1", "capsem.policy.HttpResponse")
          .whole("status", 100L, 599L)
          .whole("bytes", ZERO, null)
          .factory("headers", HEADERS)
          .factory("body", new Nested(BODY))
          .build();

  static final ContextStruct HTTP =
      ContextStruct.builder("HttpPolicyContextV1", "capsem.policy.Http")
          .optional("request", HTTP_REQUEST)
          .optional("response", HTTP_RESPONSE)
          .build();

  static final ContextStruct DNS =
      ContextStruct.builder("DnsPolicyContextV1", "capsem.policy.Dns")
          .optional(
              "request",
              ContextStruct.builder("DnsRequestPolicyContextV1", "capsem.policy.DnsRequest")
                  .text("qname", "qtype", "domain_class", "transport")
                  .build())
          .build();

  static final ContextStruct MCP =
      ContextStruct.builder("McpPolicyContextV1", "capsem.policy.Mcp")
          .optional(
              "request",
              ContextStruct.builder("McpRequestPolicyContextV1", "capsem.policy.McpRequest")
                  .text(
                      "method",
                      "server_id",
                      "tool_name",
                      "server_name",
                      "namespaced_tool_name",
                      "arguments_status")
                  .build())
          .optional(
              "response",
              ContextStruct.builder("McpResponsePolicyContextV1", "capsem.policy.McpResponse")
                  .text("method", "server_id", "tool_name")
                  .flag("is_error")
                  .text("result_status")
                  .build())
          .build();

  static final ContextStruct TOOL_CALL =
      ContextStruct.builder("ModelToolCallPolicyContextV1", "capsem.policy.ModelToolCall")
          .text(
              "tool_call_id",
              "provider_call_id",
              "raw_name",
              "name",
              "origin",
              "arguments_status",
              "status",
              "linked_mcp_call_id",
              "parse_confidence")
          .build();

  static final ContextStruct TOOL_RESULT =
      ContextStruct.builder("ModelToolResultPolicyContextV1", "capsem.policy.ModelToolResult")
          .text("tool_call_id", "linked_mcp_call_id", "content_kind")
          .anyText("content_preview", "content_json")
          .flag("is_error")
          .text("result_status")
          .flag("returned_to_model")
          .text("parse_confidence")
          .build();

  static final ContextStruct MODEL =
      ContextStruct.builder("ModelPolicyContextV1", "capsem.policy.Model")
          .optional(
              "request",
              ContextStruct.builder("ModelRequestPolicyContextV1", "capsem.policy.ModelRequest")
                  .text("provider", "api_family", "model")
                  .flag("stream")
                  .text("operation")
                  .whole("estimated_input_tokens", ZERO, null)
                  .whole("estimated_output_tokens", ZERO, null)
                  .whole("estimated_cost_micros", ZERO, null)
                  .factory("body", new Nested(BODY))
                  .factory("tool_calls", new ListOf(new Nested(TOOL_CALL)))
                  .build())
          .optional(
              "response",
              ContextStruct.builder("ModelResponsePolicyContextV1", "capsem.policy.ModelResponse")
                  .text("provider", "api_family", "model")
                  .whole("status", 100L, 599L)
                  .text("stop_reason")
                  .whole("estimated_output_tokens", ZERO, null)
                  .factory("body", new Nested(BODY))
                  .factory("tool_results", new ListOf(new Nested(TOOL_RESULT)))
                  .build())
          .build();

  static final ContextStruct FILE =
      ContextStruct.builder("FilePolicyContextV1", "capsem.policy.File")
          .optional(
              "activity",
              ContextStruct.builder("FileActivityPolicyContextV1", "capsem.policy.FileActivity")
                  .text("operation", "path", "path_class")
                  .whole("byte_count", ZERO, null)
                  .build())
          .build();

  static final ContextStruct PROCESS =
      ContextStruct.builder("ProcessPolicyContextV1", "capsem.policy.Process")
          .optional(
              "activity",
              ContextStruct.builder(
                      "ProcessActivityPolicyContextV1", "capsem.policy.ProcessActivity")
                  .text("operation", "executable", "command", "command_class")
                  .factory("argv", new ListOf(new Text(true)))
                  .text("cwd")
                  .build())
          .build();

  static final ContextStruct PROFILE =
      ContextStruct.builder("ProfilePolicyContextV1", "capsem.policy.Profile")
          .optional(
              "activity",
              ContextStruct.builder(
                      "ProfileActivityPolicyContextV1", "capsem.policy.ProfileActivity")
                  .text("operation", "profile_id", "profile_revision", "profile_name")
                  .build())
          .build();

  /** The eight CEL roots, in upstream's order. */
  private static final Map<String, ContextStruct> ROOTS = buildRoots();

  static final ContextStruct CONTEXT = buildContext();

  static final ObjectSchema FIXTURE =
      Schema.object("PolicyContextFixtureV1")
          .defaulted(
              "schema",
              Schema.literal(PolicyContextFixture.SCHEMA),
              StringNode.of(PolicyContextFixture.SCHEMA))
          .required(
              "event_ref",
              Schema.object("PolicyContextEventRefV1")
                  .required("corpus", Schema.nonEmptyString())
                  .required("session_id", Schema.nonEmptyString())
                  .required("event_id", Schema.nonEmptyString())
                  .required("sequence", Schema.integer().atLeast(0))
                  .required("timestamp_unix_ms", Schema.integer().atLeast(0))
                  .build())
          .defaultFactory(
              "expected_labels",
              Schema.list(Schema.nonEmptyString()),
              dev.capsem.core.internal.json.ArrayNode.of(List.of()))
          .required("context", CONTEXT.schema())
          .build();

  private PolicyContextModel() {}

  /**
   * The root structs by CEL variable name: common, http, dns, mcp, model, file, process, profile.
   */
  public static Map<String, ContextStruct> roots() {
    return ROOTS;
  }

  /** The whole context ({@code PolicyContextV1}): {@code schema_version} then the roots. */
  public static ContextStruct context() {
    return CONTEXT;
  }

  private static Map<String, ContextStruct> buildRoots() {
    Map<String, ContextStruct> roots = new LinkedHashMap<>();
    roots.put("common", COMMON);
    roots.put("http", HTTP);
    roots.put("dns", DNS);
    roots.put("mcp", MCP);
    roots.put("model", MODEL);
    roots.put("file", FILE);
    roots.put("process", PROCESS);
    roots.put("profile", PROFILE);
    return java.util.Collections.unmodifiableMap(roots);
  }

  private static ContextStruct buildContext() {
    ContextStruct.Builder builder =
        ContextStruct.builder("PolicyContextV1", "capsem.policy.Context")
            .defaulted(
                "schema_version",
                new FieldType.Exactly(PolicyContext.SCHEMA_VERSION),
                IntegerNode.of(PolicyContext.SCHEMA_VERSION));
    for (Map.Entry<String, ContextStruct> root : ROOTS.entrySet()) {
      builder.factory(root.getKey(), new Nested(root.getValue()));
    }
    return builder.build();
  }
}

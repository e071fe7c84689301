package dev.capsem.core.internal.workspace;

import static dev.capsem.core.internal.schema.Schema.bool;
import static dev.capsem.core.internal.schema.Schema.integer;
import static dev.capsem.core.internal.schema.Schema.list;
import static dev.capsem.core.internal.schema.Schema.map;
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
import dev.capsem.core.internal.schema.ObjectSchema;
import dev.capsem.core.internal.schema.Refusal;
import dev.capsem.core.internal.schema.Schema;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The legacy guest-config models (upstream {@code config.py}): each TOML table is validated on its
 * own, leniently, and unknown keys are ignored.
 */
final class GuestConfigSchemas {

  static final String DEFAULT_PATH =
      "/opt/ai-clis/bin:/root/.local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  /** Ours (D1): the brief's {@code apt.toml} has no {@code install_cmd}; each manager has one. */
  static final Map<String, String> DEFAULT_INSTALL_COMMANDS =
      Map.of(
          "apt", "apt-get install -y --no-install-recommends",
          "uv", "uv pip install --system --break-system-packages",
          "pip", "pip3 install --break-system-packages",
          "npm", "npm install -g",
          "curl", "curl -fsSL");

  private static final ObjectNode EMPTY = ObjectNode.empty();
  private static final ArrayNode NONE = ArrayNode.of(List.of());
  private static final Schema MANAGER = oneOf("apt", "uv", "pip", "npm", "curl");

  static final ObjectSchema BUILD =
      object()
          .ignoreExtra()
          .defaulted("compression", oneOf("zstd", "gzip", "lzo", "xz"), StringNode.of("zstd"))
          .defaulted("compression_level", integer().atLeast(1).atMost(22), IntegerNode.of(15))
          .required(
              "architectures",
              map(object()
                      .ignoreExtra()
                      .defaulted(
                          "base_image",
                          string()
                              .validatedBy(
                                  BuildTokens.shaped(
                                      BuildTokens.IMAGE_REFERENCE, "a Docker image reference")),
                          StringNode.of("debian:bookworm-slim"))
                      .required(
                          "docker_platform",
                          string()
                              .validatedBy(
                                  BuildTokens.shaped(
                                      BuildTokens.PLATFORM, "a platform such as linux/amd64")))
                      .required("rust_target", string())
                      .defaulted("kernel_branch", string(), StringNode.of("auto"))
                      .required(
                          "kernel_image",
                          string()
                              .validatedBy(
                                  BuildTokens.shaped(
                                      BuildTokens.RELATIVE_PATH,
                                      "a relative path of plain characters")))
                      .required("defconfig", string())
                      .defaulted("node_major", integer(), IntegerNode.of(24))
                      .build())
                  .then(value -> nonEmpty(value, "architectures")))
          .defaulted("version_commands", map(string()), EMPTY)
          .build();

  static final ObjectSchema MANIFEST =
      object()
          .ignoreExtra()
          .required("name", string())
          .defaulted("version", string(), StringNode.of("0.1.0"))
          .defaulted("description", string(), StringNode.of(""))
          .defaulted(
              "changelog",
              list(
                  object()
                      .ignoreExtra()
                      .required("version", string())
                      .required("date", string())
                      .required("changes", list(string()))
                      .build()),
              NONE)
          .build();

  static final ObjectSchema AI_PROVIDER =
      object()
          .ignoreExtra()
          .required("name", string())
          .defaulted("description", string(), StringNode.of(""))
          .defaulted("enabled", bool(), BooleanNode.of(true))
          .required(
              "api_key",
              object()
                  .ignoreExtra()
                  .required("name", string())
                  .required("env_vars", list(string()).then(value -> nonEmpty(value, "env_vars")))
                  .defaulted("prefix", string(), StringNode.of(""))
                  .optional("docs_url", string())
                  .build())
          .required(
              "network",
              object()
                  .ignoreExtra()
                  .required("domains", list(string()).then(value -> nonEmpty(value, "domains")))
                  .defaulted("allow_get", bool(), BooleanNode.of(false))
                  .defaulted("allow_post", bool(), BooleanNode.of(false))
                  .build())
          .optional(
              "install",
              object()
                  .ignoreExtra()
                  .required("manager", MANAGER)
                  .defaulted("prefix", string().validatedBy(BuildTokens::prefix), StringNode.of(""))
                  .required("packages", list(string().validatedBy(BuildTokens::packageSpec)))
                  .build())
          .optional(
              "cli",
              object()
                  .ignoreExtra()
                  .required("key", string())
                  .required("name", string())
                  .defaulted("description", string(), StringNode.of(""))
                  .optional("version_command", string())
                  .build())
          .defaulted(
              "files",
              map(
                  object()
                      .ignoreExtra()
                      .required("path", string())
                      .required("content", string())
                      .build()),
              EMPTY)
          .build();

  static final ObjectSchema PACKAGE_SET =
      object()
          .ignoreExtra()
          .required("name", string())
          .required("manager", MANAGER)
          .optional(
              "install_cmd",
              string()
                  .validatedBy(
                      value ->
                          value.isEmpty()
                              ? Refusal.valueError(Code.E014, "install_cmd must not be empty")
                              : BuildTokens.oneLineCommand(value)))
          .required(
              "packages",
              list(string().validatedBy(BuildTokens::packageSpec))
                  .then(value -> nonEmpty(value, "packages")))
          .defaulted("version_commands", map(string()), EMPTY)
          .optional(
              "network",
              object()
                  .ignoreExtra()
                  .required("name", string())
                  .required("domains", list(string()))
                  .defaulted("allow_get", bool(), BooleanNode.of(true))
                  .build())
          .check(GuestConfigSchemas::versionCommandsKnown)
          .build();

  static final ObjectSchema MCP_SERVER =
      object()
          .ignoreExtra()
          .required("name", string())
          .defaulted("description", string(), StringNode.of(""))
          .required("transport", oneOf("stdio", "sse", "http"))
          .optional("command", string())
          .optional("url", string())
          .defaulted("args", list(string()), NONE)
          .defaulted("env", map(string()), EMPTY)
          .defaulted("headers", map(string()), EMPTY)
          .defaulted("builtin", bool(), BooleanNode.of(false))
          .defaulted("enabled", bool(), BooleanNode.of(true))
          .check(GuestConfigSchemas::mcpTransport)
          .build();

  private static final ObjectSchema WEB_SERVICE =
      object()
          .ignoreExtra()
          .required("name", string())
          .defaulted("enabled", bool(), BooleanNode.of(true))
          .required("domains", list(string()))
          .defaulted("allow_get", bool(), BooleanNode.of(false))
          .defaulted("allow_post", bool(), BooleanNode.of(false))
          .build();

  static final ObjectSchema WEB =
      object()
          .ignoreExtra()
          .defaulted("allow_read", bool(), BooleanNode.of(false))
          .defaulted("allow_write", bool(), BooleanNode.of(false))
          .defaulted("custom_allow", list(string()), NONE)
          .defaulted("custom_block", list(string()), NONE)
          .defaulted("search", map(WEB_SERVICE), EMPTY)
          .defaulted("registry", map(WEB_SERVICE), EMPTY)
          .defaulted("repository", map(WEB_SERVICE), EMPTY)
          .build();

  static final ObjectSchema RESOURCES =
      object()
          .ignoreExtra()
          .defaulted("cpu_count", integer().atLeast(1).atMost(8), IntegerNode.of(4))
          .defaulted("ram_gb", integer().atLeast(1).atMost(16), IntegerNode.of(4))
          .defaulted("scratch_disk_size_gb", integer().atLeast(1).atMost(128), IntegerNode.of(16))
          .defaulted("log_bodies", bool(), BooleanNode.of(false))
          .defaulted("max_body_capture", integer().atLeast(0).atMost(1048576), IntegerNode.of(4096))
          .defaulted("retention_days", integer().atLeast(1).atMost(365), IntegerNode.of(30))
          .defaulted("max_sessions", integer().atLeast(1).atMost(10000), IntegerNode.of(100))
          .defaulted("min_content_sessions", integer().atLeast(0).atMost(1000), IntegerNode.of(25))
          .defaulted("max_disk_gb", integer().atLeast(1).atMost(1000), IntegerNode.of(100))
          .defaulted(
              "terminated_retention_days", integer().atLeast(30).atMost(3650), IntegerNode.of(365))
          .build();

  private static final ObjectSchema FILE_CONTENT =
      object().ignoreExtra().required("path", string()).required("content", string()).build();

  static final ObjectSchema ENVIRONMENT =
      object()
          .ignoreExtra()
          .defaulted(
              "shell",
              object()
                  .ignoreExtra()
                  .defaulted("term", string(), StringNode.of("xterm-256color"))
                  .defaulted("home", string(), StringNode.of("/root"))
                  .defaulted("path", string(), StringNode.of(DEFAULT_PATH))
                  .defaulted("lang", string(), StringNode.of("C"))
                  .optional("bashrc", FILE_CONTENT)
                  .optional("tmux_conf", FILE_CONTENT)
                  .build(),
              EMPTY)
          .defaulted(
              "tls",
              object()
                  .ignoreExtra()
                  .defaulted(
                      "ca_bundle", string(), StringNode.of("/etc/ssl/certs/ca-certificates.crt"))
                  .build(),
              EMPTY)
          .build();

  private GuestConfigSchemas() {}

  private static Refusal nonEmpty(Node value, String what) {
    boolean empty =
        (value instanceof ArrayNode array && array.items().isEmpty())
            || (value instanceof ObjectNode object && object.isEmpty());
    return empty ? Refusal.valueError(Code.E004, what + " must have at least one entry") : null;
  }

  private static Refusal versionCommandsKnown(ObjectNode set) {
    List<String> packages =
        ((ArrayNode) set.get("packages"))
            .items().stream().map(item -> ((StringNode) item).value()).toList();
    TreeSet<String> unknown = new TreeSet<>();
    for (String key : set.object("version_commands").keys()) {
      if (!packages.contains(key)) {
        unknown.add(key);
      }
    }
    if (unknown.isEmpty()) {
      return null;
    }
    StringBuilder list = new StringBuilder("[");
    for (String key : unknown) {
      if (list.length() > 1) {
        list.append(", ");
      }
      list.append('\'').append(key).append('\'');
    }
    return Refusal.valueError(Code.E104, "version_commands keys not in packages: " + list + "]");
  }

  private static Refusal mcpTransport(ObjectNode server) {
    String transport = server.string("transport");
    String command = server.string("command");
    if ("stdio".equals(transport) && (command == null || command.isEmpty())) {
      return Refusal.valueError(Code.E007, "stdio transport requires 'command'");
    }
    if (!"stdio".equals(transport) && server.string("url") == null) {
      return Refusal.valueError(Code.E007, transport + " transport requires 'url'");
    }
    return null;
  }
}

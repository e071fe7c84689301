package dev.capsem.core.internal.settings;

import static dev.capsem.core.internal.schema.Schema.any;
import static dev.capsem.core.internal.schema.Schema.bool;
import static dev.capsem.core.internal.schema.Schema.enumType;
import static dev.capsem.core.internal.schema.Schema.integer;
import static dev.capsem.core.internal.schema.Schema.list;
import static dev.capsem.core.internal.schema.Schema.literal;
import static dev.capsem.core.internal.schema.Schema.map;
import static dev.capsem.core.internal.schema.Schema.nonEmptyString;
import static dev.capsem.core.internal.schema.Schema.object;
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
import java.util.List;
import java.util.Set;

/**
 * Service Settings V2 as upstream's admin model ({@code ServiceSettingsV2}) declares it: field
 * order, lax input, defaults, messages, class names and default factories. It is the whole
 * contract: upstream's published JSON Schema is this model's Pydantic output.
 */
final class SettingsSchema {

  static final String PROFILE_ID_PATTERN = "^[a-z0-9][a-z0-9-]*$";
  static final String CREDENTIAL_KEY_PATTERN = "^[a-z0-9][a-z0-9_.-]*$";
  static final String DEFAULT_BASE_DIR = "/Library/Application Support/Capsem/profiles/base";
  static final String DEFAULT_PROFILE = "everyday-work";

  /** Pydantic reports a bracketed IPv6 host, so {@code http://[::1]/} is not loopback upstream. */
  private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "::1");

  private static final Set<String> OPERATIONS_WITH_VALUE = Set.of("add", "replace", "lock");

  private static final ObjectNode EMPTY = ObjectNode.empty();
  private static final ArrayNode NONE = ArrayNode.of(List.of());

  private static final ObjectSchema APP =
      object("AppSettings")
          .defaulted("auto_launch", bool(), BooleanNode.of(true))
          .defaultFactory(
              "appearance",
              object("AppearanceSettings")
                  .defaulted(
                      "theme",
                      enumType("Theme", "system", "light", "dark"),
                      StringNode.of("system"))
                  .defaulted("accent", nonEmptyString(), StringNode.of("blue"))
                  .build(),
              EMPTY)
          .optional("google_config_path", nonEmptyString())
          .build();

  private static final ObjectSchema ASSETS =
      object("AssetLocationSettings")
          .optional("assets_dir", nonEmptyString())
          .defaultFactory("image_roots", list(nonEmptyString()), NONE)
          .optional("download_base_url", url())
          .build();

  private static final ObjectSchema CREDENTIALS =
      object("CredentialSettings")
          .defaulted(
              "backend", enumType("CredentialBackend", "toml", "keychain"), StringNode.of("toml"))
          .defaultFactory(
              "items",
              map(
                  string().pattern(CREDENTIAL_KEY_PATTERN),
                  object("TomlCredential")
                      .optional("description", nonEmptyString())
                      .required("value", nonEmptyString())
                      .build()),
              EMPTY)
          .build();

  private static final ObjectSchema TELEMETRY =
      object("TelemetrySettings")
          .defaulted("enabled", bool(), BooleanNode.of(false))
          .optional("endpoint", url())
          .defaultFactory("headers", map(nonEmptyString(), nonEmptyString()), EMPTY)
          .defaulted("batch_max_events", integer().atLeast(1).atMost(65535), IntegerNode.of(128))
          .defaulted("flush_interval_ms", integer().atLeast(1), IntegerNode.of(5000))
          .defaulted("redact_secrets", bool(), BooleanNode.of(true))
          .defaulted("retry_attempts", integer().atLeast(0).atMost(255), IntegerNode.of(3))
          .defaulted(
              "failure_mode",
              enumType("TelemetryFailureMode", "drop", "disable", "backpressure"),
              StringNode.of("drop"))
          .check(
              telemetry ->
                  enabledWithoutEndpoint(telemetry)
                      ? Refusal.valueError(
                          Code.E110, "telemetry.endpoint is required when telemetry is enabled")
                      : null)
          .build();

  private static final ObjectSchema REMOTE_POLICY =
      object("RemotePolicySettings")
          .defaulted("enabled", bool(), BooleanNode.of(false))
          .optional("endpoint", url())
          .optional("auth_token", nonEmptyString())
          .defaulted("timeout_ms", integer().atLeast(100).atMost(60000), IntegerNode.of(1500))
          .defaulted(
              "failure_mode",
              enumType("RemotePolicyFailureMode", "fail-open", "fail-closed"),
              StringNode.of("fail-closed"))
          .check(
              remote ->
                  enabledWithoutEndpoint(remote)
                      ? Refusal.valueError(
                          Code.E111,
                          "remote_policy.endpoint is required when remote policy is enabled")
                      : null)
          .build();

  private static final ObjectSchema PROFILE_CATALOG =
      object("ProfileCatalogSettings")
          .optional("manifest_url", url())
          .optional("profile_payload_pubkey", nonEmptyString())
          .defaulted("check_interval_secs", integer().atLeast(60), IntegerNode.of(21600))
          .check(SettingsSchema::catalogSource)
          .build();

  private static final ObjectSchema CORP_DIRECTIVE =
      object("CorpDirective")
          .required(
              "operation",
              enumType("CorpDirectiveOperation", "add", "remove", "replace", "lock", "forbid"))
          .required("path", nonEmptyString())
          .optional("value", any())
          .optional("reason", nonEmptyString())
          .check(SettingsSchema::directiveValue)
          .build();

  private SettingsSchema() {}

  /**
   * The model for one environment: upstream's default {@code profiles.user_dirs} comes from {@code
   * CAPSEM_HOME} or {@code HOME} when the model is used, so ours is built with it.
   */
  static ObjectSchema settings(List<String> defaultUserDirs) {
    return object("ServiceSettingsV2")
        .defaulted("version", literal(1), IntegerNode.of(1))
        .defaultFactory("app", APP, EMPTY)
        .defaultFactory("profiles", profileRoots(defaultUserDirs), EMPTY)
        .defaultFactory("assets", ASSETS, EMPTY)
        .defaultFactory("credentials", CREDENTIALS, EMPTY)
        .defaultFactory("telemetry", TELEMETRY, EMPTY)
        .defaultFactory("remote_policy", REMOTE_POLICY, EMPTY)
        .defaultFactory("profile_catalog", PROFILE_CATALOG, EMPTY)
        .defaultFactory("corp_directives", list(CORP_DIRECTIVE), NONE)
        .build();
  }

  private static ObjectSchema profileRoots(List<String> defaultUserDirs) {
    return object("ProfileRootSettings")
        .defaultFactory(
            "base_dirs", list(nonEmptyString()), ArrayNode.ofStrings(List.of(DEFAULT_BASE_DIR)))
        .defaultFactory("corp_dirs", list(nonEmptyString()), NONE)
        .defaultFactory("user_dirs", list(nonEmptyString()), ArrayNode.ofStrings(defaultUserDirs))
        .defaulted(
            "default_profile", string().pattern(PROFILE_ID_PATTERN), StringNode.of(DEFAULT_PROFILE))
        .defaulted("allow_user_profiles", bool(), BooleanNode.of(true))
        .defaulted("allow_user_fork", bool(), BooleanNode.of(true))
        .defaulted("allow_user_delete", bool(), BooleanNode.of(true))
        .check(
            roots ->
                roots.get("base_dirs") instanceof ArrayNode dirs && dirs.size() == 0
                    ? Refusal.valueError(
                        Code.E004, "profiles.base_dirs requires at least one directory")
                    : null)
        .build();
  }

  private static boolean enabledWithoutEndpoint(ObjectNode section) {
    return section.get("enabled") instanceof BooleanNode enabled
        && enabled.value()
        && !section.has("endpoint");
  }

  private static Refusal catalogSource(ObjectNode catalog) {
    String url = catalog.string("manifest_url");
    if ((url == null) != !catalog.has("profile_payload_pubkey")) {
      return Refusal.valueError(
          Code.E112,
          "profile_catalog.manifest_url and profile_payload_pubkey must be set together");
    }
    if (url != null && url.startsWith("http:") && !LOOPBACK_HOSTS.contains(host(url))) {
      return Refusal.valueError(
          Code.E113, "profile_catalog.manifest_url only allows http for loopback");
    }
    return null;
  }

  /**
   * The host of a normalised special URL ({@code http://user@host:port/path}), as Pydantic's {@code
   * AnyUrl.host} gives it: an IPv6 host keeps its brackets.
   */
  private static String host(String normalisedUrl) {
    String afterScheme = normalisedUrl.substring(normalisedUrl.indexOf("//") + 2);
    int slash = afterScheme.indexOf('/');
    String authority = slash < 0 ? afterScheme : afterScheme.substring(0, slash);
    String hostAndPort = authority.substring(authority.lastIndexOf('@') + 1);
    if (hostAndPort.startsWith("[")) {
      return hostAndPort.substring(0, hostAndPort.indexOf(']') + 1);
    }
    int colon = hostAndPort.indexOf(':');
    return colon < 0 ? hostAndPort : hostAndPort.substring(0, colon);
  }

  private static Refusal directiveValue(ObjectNode directive) {
    boolean needsValue = OPERATIONS_WITH_VALUE.contains(directive.string("operation"));
    boolean hasValue = directive.has("value");
    if (needsValue && !hasValue) {
      return Refusal.valueError(Code.E114, "add/replace/lock directives require value");
    }
    if (!needsValue && hasValue) {
      return Refusal.valueError(Code.E115, "remove/forbid directives must not carry value");
    }
    return null;
  }
}

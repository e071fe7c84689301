package dev.capsem.core.internal.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.BooleanNode;
import dev.capsem.core.internal.json.IntegerNode;
import dev.capsem.core.internal.json.JsonDialect;
import dev.capsem.core.internal.json.JsonReader;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.NullNode;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.json.StringNode;
import dev.capsem.core.testing.Conformance;
import dev.capsem.core.testing.TreeEdit;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The complete upstream fixture with one change, and the admin model's expected answer (the
 * profile-settings spec, §6.3). {@code OK} means valid; otherwise {@code path: message} lines.
 */
class SettingsMutationTest {

  private static final String THEMES = "Input should be 'system', 'light' or 'dark'";
  private static final String EMPTY_STRING = "String should have at least 1 character";
  private static final String CREDENTIAL_KEY =
      "String should match pattern '^[a-z0-9][a-z0-9_.-]*$'";
  private static final String CATALOG_PAIR =
      "profile_catalog: Value error, profile_catalog.manifest_url and profile_payload_pubkey"
          + " must be set together";
  private static final String CATALOG_HTTP =
      "profile_catalog: Value error, profile_catalog.manifest_url only allows http for loopback";
  private static final String TELEMETRY_ENDPOINT =
      "telemetry: Value error, telemetry.endpoint is required when telemetry is enabled";
  private static final String REMOTE_ENDPOINT =
      "remote_policy: Value error, remote_policy.endpoint is required when remote policy is"
          + " enabled";
  private static final String NEEDS_VALUE =
      "corp_directives.0: Value error, add/replace/lock directives require value";
  private static final String NO_VALUE =
      "corp_directives.0: Value error, remove/forbid directives must not carry value";

  static Stream<Arguments> mutations() {
    return Stream.of(
        m("empty document", doc -> ObjectNode.empty(), "OK"),
        m("version 2", set("version", num(2)), "version: Input should be 1"),
        m("version 0", set("version", num(0)), "version: Input should be 1"),
        m(
            "theme auto",
            set("app.appearance.theme", str("auto")),
            "app.appearance.theme: " + THEMES),
        m(
            "theme inherit-service",
            set("app.appearance.theme", str("inherit-service")),
            "app.appearance.theme: " + THEMES),
        m(
            "accent empty",
            set("app.appearance.accent", str("")),
            "app.appearance.accent: " + EMPTY_STRING),
        m(
            "google_config_path empty",
            set("app.google_config_path", str("")),
            "app.google_config_path: " + EMPTY_STRING),
        m(
            "default_profile Bad",
            set("profiles.default_profile", str("Bad")),
            "profiles.default_profile: String should match pattern '^[a-z0-9][a-z0-9-]*$'"),
        m("default_profile a", set("profiles.default_profile", str("a")), "OK"),
        m(
            "base_dirs empty",
            set("profiles.base_dirs", strings()),
            "profiles: Value error, profiles.base_dirs requires at least one directory"),
        m(
            "base_dirs empty item",
            set("profiles.base_dirs", strings("")),
            "profiles.base_dirs.0: " + EMPTY_STRING),
        m("user_dirs empty", set("profiles.user_dirs", strings()), "OK"),
        m(
            "assets_dir empty",
            set("assets.assets_dir", str("")),
            "assets.assets_dir: " + EMPTY_STRING),
        m(
            "download_base_url not-url",
            set("assets.download_base_url", str("not-url")),
            "assets.download_base_url: Input should be a valid URL, relative URL without a base"),
        m(
            "backend vault",
            set("credentials.backend", str("vault")),
            "credentials.backend: Input should be 'toml' or 'keychain'"),
        m(
            "credential key Bad Key",
            set("credentials.items", obj("Bad Key", obj("value", str("env:BAD")))),
            "credentials.items.Bad Key.[key]: " + CREDENTIAL_KEY),
        m(
            "credential key .x",
            set("credentials.items", obj(".x", obj("value", str("env:X")))),
            "credentials.items..x.[key]: " + CREDENTIAL_KEY),
        m(
            "credential value empty",
            set("credentials.items", obj("a", obj("value", str("")))),
            "credentials.items.a.value: " + EMPTY_STRING),
        m(
            "credential value missing",
            set("credentials.items", obj("a", obj("description", str("d")))),
            "credentials.items.a.value: Field required"),
        m("telemetry enabled without endpoint", remove("telemetry.endpoint"), TELEMETRY_ENDPOINT),
        m(
            "telemetry endpoint without enabled",
            set("telemetry.enabled", BooleanNode.of(false)),
            "OK"),
        m(
            "batch 0",
            set("telemetry.batch_max_events", num(0)),
            "telemetry.batch_max_events: Input should be greater than or equal to 1"),
        m(
            "batch 65536",
            set("telemetry.batch_max_events", num(65536)),
            "telemetry.batch_max_events: Input should be less than or equal to 65535"),
        m(
            "flush 0",
            set("telemetry.flush_interval_ms", num(0)),
            "telemetry.flush_interval_ms: Input should be greater than or equal to 1"),
        m(
            "retry -1",
            set("telemetry.retry_attempts", num(-1)),
            "telemetry.retry_attempts: Input should be greater than or equal to 0"),
        m(
            "retry 256",
            set("telemetry.retry_attempts", num(256)),
            "telemetry.retry_attempts: Input should be less than or equal to 255"),
        m(
            "telemetry failure_mode retry",
            set("telemetry.failure_mode", str("retry")),
            "telemetry.failure_mode: Input should be 'drop', 'disable' or 'backpressure'"),
        m(
            "telemetry header value empty",
            set("telemetry.headers", obj("x", str(""))),
            "telemetry.headers.x: " + EMPTY_STRING),
        m(
            "telemetry header key empty",
            set("telemetry.headers", obj("", str("v"))),
            "telemetry.headers..[key]: " + EMPTY_STRING),
        m("remote enabled without endpoint", remove("remote_policy.endpoint"), REMOTE_ENDPOINT),
        m(
            "timeout 99",
            set("remote_policy.timeout_ms", num(99)),
            "remote_policy.timeout_ms: Input should be greater than or equal to 100"),
        m(
            "timeout 60001",
            set("remote_policy.timeout_ms", num(60001)),
            "remote_policy.timeout_ms: Input should be less than or equal to 60000"),
        m(
            "remote failure_mode fail_open",
            set("remote_policy.failure_mode", str("fail_open")),
            "remote_policy.failure_mode: Input should be 'fail-open' or 'fail-closed'"),
        m(
            "catalog url without pubkey",
            remove("profile_catalog.profile_payload_pubkey"),
            CATALOG_PAIR),
        m("catalog pubkey without url", remove("profile_catalog.manifest_url"), CATALOG_PAIR),
        m(
            "catalog http remote host",
            catalogUrl("http://profiles.example.com/capsem/manifest.json"),
            CATALOG_HTTP),
        m("catalog http localhost", catalogUrl("http://localhost:8080/manifest.json"), "OK"),
        m("catalog http 127.0.0.1", catalogUrl("http://127.0.0.1/manifest.json"), "OK"),
        m("catalog file", catalogUrl("file:///srv/m.json"), "OK"),
        m("catalog http [::1] (loopback quirk)", catalogUrl("http://[::1]/m.json"), CATALOG_HTTP),
        m(
            "check_interval_secs 59",
            set("profile_catalog.check_interval_secs", num(59)),
            "profile_catalog.check_interval_secs: Input should be greater than or equal to 60"),
        m(
            "directive lock without value",
            directive(obj("operation", str("lock"), "path", str("a.b"))),
            NEEDS_VALUE),
        m(
            "directive add with null",
            directive(obj("operation", str("add"), "path", str("a.b"), "value", NullNode.of())),
            NEEDS_VALUE),
        m(
            "directive remove with value",
            directive(obj("operation", str("remove"), "path", str("a.b"), "value", str("x"))),
            NO_VALUE),
        m(
            "directive forbid without value",
            directive(obj("operation", str("forbid"), "path", str("a.b"))),
            "OK"),
        m(
            "directive add with false",
            directive(
                obj("operation", str("add"), "path", str("a.b"), "value", BooleanNode.of(false))),
            "OK"),
        m(
            "directive op set",
            directive(obj("operation", str("set"), "path", str("a.b"), "value", str("x"))),
            "corp_directives.0.operation: Input should be 'add', 'remove', 'replace', 'lock' or"
                + " 'forbid'"),
        m(
            "unknown top-level legacy_policy",
            set("legacy_policy", ObjectNode.empty()),
            "legacy_policy: Extra inputs are not permitted"),
        m(
            "telemetry and remote both without endpoints",
            doc ->
                TreeEdit.remove(
                    TreeEdit.remove(doc, "telemetry.endpoint"), "remote_policy.endpoint"),
            TELEMETRY_ENDPOINT,
            REMOTE_ENDPOINT));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mutations")
  void check_mutatedCompleteFixture_reportsUpstreamFindings(
      String name, UnaryOperator<ObjectNode> mutation, List<String> expected) throws Exception {
    SettingsCheck check = SettingsReader.check(mutation.apply(complete()), "s.json", Map.of());

    List<String> actual =
        check.diagnostics().stream().map(d -> d.path() + ": " + d.message()).toList();
    assertThat(actual.isEmpty() ? List.of("OK") : actual).isEqualTo(expected);
    assertThat(check.settings() == null).isEqualTo(!expected.equals(List.of("OK")));
  }

  @Test
  void read_tomlWithArrayOfTablesDirectives_isValid(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("settings.toml");
    Files.writeString(
        file,
        """
        version = 1

        [[corp_directives]]
        operation = "lock"
        path = "security.capabilities.network_egress"
        value = "ask"

        [[corp_directives]]
        operation = "forbid"
        path = "mcpServers.github"
        """,
        StandardCharsets.UTF_8);

    SettingsCheck check = SettingsReader.read(file, "settings.toml", Map.of());

    assertThat(check.diagnostics()).isEmpty();
    assertThat(check.settings().corpDirectives())
        .extracting(CorpDirective::operation)
        .containsExactly("lock", "forbid");
  }

  @Test
  void read_upperCaseJsonSuffix_parsesAsJson(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("settings.JSON");
    Files.writeString(file, "{\"version\": 1, \"telemetry\": {\"enabled\": \"yes\"}}");

    SettingsCheck check = SettingsReader.read(file, "settings.JSON", Map.of());

    assertThat(check.diagnostics())
        .extracting(d -> d.path() + ": " + d.message())
        .containsExactly(TELEMETRY_ENDPOINT);
    assertThat(check.diagnostics().get(0).position()).isNotNull();
  }

  @Test
  void check_crossFieldErrors_carryTheirCodes() throws Exception {
    ObjectNode doc =
        TreeEdit.remove(
            TreeEdit.remove(complete(), "telemetry.endpoint"), "remote_policy.endpoint");

    List<Diagnostic> diagnostics = SettingsReader.check(doc, "s.json", Map.of()).diagnostics();

    assertThat(diagnostics).extracting(d -> d.code().name()).containsExactly("E110", "E111");
  }

  @Test
  void check_secretInCredentialValue_warnsW005AndStaysValid() throws Exception {
    ObjectNode doc =
        TreeEdit.set(
            complete(),
            "credentials.items",
            obj("anthropic", obj("value", str("sk-ant-" + "a".repeat(30)))));

    SettingsCheck check = SettingsReader.check(doc, "s.json", Map.of());

    assertThat(check.ok()).isTrue();
    assertThat(check.settings()).isNotNull();
    assertThat(check.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code().name()).isEqualTo("W005");
              assertThat(d.path()).isEqualTo("credentials.items.anthropic.value");
              assertThat(d.message()).contains("sk-ant-…").doesNotContain("aaaaaaaaaa");
            });
  }

  private static ObjectNode complete() throws Exception {
    return (ObjectNode)
        JsonReader.read(
            Conformance.text("schemas/fixtures/service-settings-v2-complete.json"),
            JsonDialect.PYDANTIC);
  }

  private static Arguments m(String name, UnaryOperator<ObjectNode> mutation, String... expected) {
    return Arguments.of(name, mutation, List.of(expected));
  }

  private static UnaryOperator<ObjectNode> set(String path, Node value) {
    return doc -> TreeEdit.set(doc, path, value);
  }

  private static UnaryOperator<ObjectNode> remove(String path) {
    return doc -> TreeEdit.remove(doc, path);
  }

  private static UnaryOperator<ObjectNode> catalogUrl(String url) {
    return set("profile_catalog.manifest_url", str(url));
  }

  private static UnaryOperator<ObjectNode> directive(ObjectNode directive) {
    return set("corp_directives", ArrayNode.of(List.of(directive)));
  }

  private static StringNode str(String value) {
    return StringNode.of(value);
  }

  private static ArrayNode strings(String... values) {
    return ArrayNode.ofStrings(List.of(values));
  }

  private static IntegerNode num(long value) {
    return IntegerNode.of(value);
  }

  private static ObjectNode obj(Object... keysAndValues) {
    ObjectNode.Builder builder = ObjectNode.builder();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      builder.put((String) keysAndValues[i], (Node) keysAndValues[i + 1]);
    }
    return builder.build();
  }
}

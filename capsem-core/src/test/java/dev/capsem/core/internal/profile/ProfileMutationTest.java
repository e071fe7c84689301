package dev.capsem.core.internal.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.BooleanNode;
import dev.capsem.core.internal.json.FloatNode;
import dev.capsem.core.internal.json.IntegerNode;
import dev.capsem.core.internal.json.JsonDialect;
import dev.capsem.core.internal.json.JsonReader;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.NullNode;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.json.StringNode;
import dev.capsem.core.testing.Conformance;
import dev.capsem.core.testing.TreeEdit;
import java.math.BigInteger;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The valid upstream fixture with one change, and the admin model's expected answer (the
 * profile-settings spec, §6.2). {@code OK} means valid; otherwise {@code path: message} lines.
 */
class ProfileMutationTest {

  private static final String ID_PATTERN =
      "String should match pattern '^[a-z0-9][a-z0-9-]{2,63}$'";

  static Stream<Arguments> mutations() {
    return Stream.of(
        m("remove name", remove("name"), "name: Field required"),
        m(
            "schema v1",
            set("schema", str("capsem.profile.v1")),
            "schema: Input should be 'capsem.profile.v2'"),
        m("version 3", set("version", num(3)), "version: Input should be 2"),
        m("version \"2\"", set("version", str("2")), "version: Input should be 2"),
        m("version true", set("version", BooleanNode.of(true)), "version: Input should be 2"),
        m("version 2.0", set("version", new FloatNode(2.0, null)), "OK"),
        m("id Bad", set("id", str("Bad")), "id: " + ID_PATTERN),
        m("id ab", set("id", str("ab")), "id: " + ID_PATTERN),
        m("id -abc", set("id", str("-abc")), "id: " + ID_PATTERN),
        m("id 65 a", set("id", str("a".repeat(65))), "id: " + ID_PATTERN),
        m("id abc", set("id", str("abc")), "OK"),
        m("id 64 a", set("id", str("a".repeat(64))), "OK"),
        m("id with trailing newline", set("id", str("abc\n")), "id: " + ID_PATTERN),
        m(
            "revision 2026.520.1",
            set("revision", str("2026.520.1")),
            "revision: String should match pattern '^[0-9]{4}\\.[0-9]{4}\\.[0-9]+$'"),
        m("name empty", set("name", str("")), "name: String should have at least 1 character"),
        m("name space", set("name", str(" ")), "OK"),
        m(
            "profile_type research",
            set("profile_type", str("research")),
            "profile_type: Input should be 'everyday-work' or 'coding'"),
        m(
            "ui workbench",
            set("ui", str("workbench")),
            "ui: Input should be 'everyday' or 'coding'"),
        m(
            "icon div",
            set("icon_svg", str("<div/>")),
            "icon_svg: Value error, icon_svg must be inline SVG"),
        m("icon spaced svg", set("icon_svg", str("  <svg viewBox=\"0 0 1 1\"/>")), "OK"),
        m(
            "only extends id",
            set("extends_profile_id", str("base-profile")),
            ": Value error, extends_profile_id and extends_profile_revision must be set together"),
        m(
            "guest_abi",
            set("compatibility.guest_abi", str("capsem-guest")),
            "compatibility.guest_abi: String should match pattern '^capsem-guest-v[0-9]+$'"),
        m(
            "min_binary empty",
            set("compatibility.min_binary", str("")),
            "compatibility.min_binary: String should have at least 1 character"),
        m(
            "max_binary null",
            set("compatibility.max_binary", NullNode.of()),
            "compatibility.max_binary: Input should be a valid string"),
        m(
            "memory 256",
            set("vm.memory_mib", num(256)),
            "vm.memory_mib: Input should be greater than or equal to 512"),
        m(
            "memory true",
            set("vm.memory_mib", BooleanNode.of(true)),
            "vm.memory_mib: Input should be greater than or equal to 512"),
        m("memory \"8192\"", set("vm.memory_mib", str("8192")), "OK"),
        m("memory \" 4096 \"", set("vm.memory_mib", str(" 4096 ")), "OK"),
        m("memory \"4096.0\"", set("vm.memory_mib", str("4096.0")), "OK"),
        m("memory 8192.0", set("vm.memory_mib", new FloatNode(8192.0, null)), "OK"),
        m(
            "memory 8192.5",
            set("vm.memory_mib", new FloatNode(8192.5, null)),
            "vm.memory_mib: Input should be a valid integer, got a number with a fractional part"),
        m("cpus 0", set("vm.cpus", num(0)), "vm.cpus: Input should be greater than or equal to 1"),
        m(
            "cpus four",
            set("vm.cpus", str("four")),
            "vm.cpus: Input should be a valid integer, unable to parse string as an integer"),
        m(
            "cpus beyond a long",
            set("vm.cpus", new IntegerNode(BigInteger.TEN.pow(30), null)),
            "vm.cpus: Input should be less than or equal to 9223372036854775807"),
        m(
            "disk 1023",
            set("vm.disk_mib", num(1023)),
            "vm.disk_mib: Input should be greater than or equal to 1024"),
        m(
            "network bridged",
            set("vm.network", str("bridged")),
            "vm.network: Input should be 'proxied', 'disabled' or 'direct'"),
        m(
            "network PROXIED",
            set("vm.network", str("PROXIED")),
            "vm.network: Input should be 'proxied', 'disabled' or 'direct'"),
        m("track yes", set("vm.track_rootfs_dependencies", str("yes")), "OK"),
        m("track 1", set("vm.track_rootfs_dependencies", num(1)), "OK"),
        m("track off", set("vm.track_rootfs_dependencies", str("off")), "OK"),
        m(
            "rootfs_image empty",
            set("vm.rootfs_image", str("")),
            "vm.rootfs_image: String should have at least 1 character"),
        m(
            "riscv64 assets",
            set("vm.assets.riscv64", ObjectNode.empty()),
            "vm.assets.riscv64.[key]: Input should be 'arm64' or 'x86_64'",
            "vm.assets.riscv64.kernel: Field required",
            "vm.assets.riscv64.initrd: Field required",
            "vm.assets.riscv64.rootfs: Field required"),
        m("remove assets", remove("vm.assets"), "vm.assets: Field required"),
        m(
            "kernel size 0",
            set("vm.assets.arm64.kernel.size", num(0)),
            "vm.assets.arm64.kernel.size: Input should be greater than or equal to 1"),
        m(
            "kernel url not a url",
            set("vm.assets.arm64.kernel.url", str("not a url")),
            "vm.assets.arm64.kernel.url: Input should be a valid URL, relative URL without a base"),
        m("kernel url file", set("vm.assets.arm64.kernel.url", str("file:///srv/x")), "OK"),
        m(
            "kernel hash upper case",
            set("vm.assets.arm64.kernel.hash", str("blake3:" + "A".repeat(64))),
            "vm.assets.arm64.kernel.hash: String should match pattern '^blake3:[0-9a-f]{64}$'"),
        m(
            "remove initrd",
            remove("vm.assets.arm64.initrd"),
            "vm.assets.arm64.initrd: Field required"),
        m(
            "content_type empty",
            set("vm.assets.arm64.kernel.content_type", str("")),
            "vm.assets.arm64.kernel.content_type: String should have at least 1 character"),
        m(
            "mcp github with url",
            set("mcpServers.github.url", str("https://x.example.com/")),
            "mcpServers.github: Value error, MCP server must set exactly one of command or url"),
        m(
            "mcp github without command",
            remove("mcpServers.github.command"),
            "mcpServers.github: Value error, MCP server must set exactly one of command or url"),
        m(
            "mcp stdio with url",
            set("mcpServers.x", obj("type", str("stdio"), "url", str("https://x.example.com/"))),
            "mcpServers.x: Value error, MCP server type=stdio requires command"),
        m(
            "mcp http with command",
            set("mcpServers.x", obj("type", str("http"), "command", str("npx"))),
            "mcpServers.x: Value error, MCP server type=http/sse requires url"),
        m(
            "mcp type websocket",
            set("mcpServers.github.type", str("websocket")),
            "mcpServers.github.type: Input should be 'stdio', 'http' or 'sse'"),
        m("mcp without type", set("mcpServers.x", obj("command", str("npx"))), "OK"),
        m(
            "mcp pool_size 0",
            set("mcpServers.github.pool_size", num(0)),
            "mcpServers.github.pool_size: Input should be greater than or equal to 1"),
        m(
            "mcp args empty item",
            set("mcpServers.github.args", ArrayNode.ofStrings(List.of(""))),
            "mcpServers.github.args.0: String should have at least 1 character"),
        m(
            "mcp args string",
            set("mcpServers.github.args", str("x")),
            "mcpServers.github.args: Input should be a valid array"),
        m(
            "mcp env empty key",
            set("mcpServers.github.env", obj("", str("v"))),
            "mcpServers.github.env..[key]: String should have at least 1 character"),
        m(
            "mcp env int value",
            set("mcpServers.github.env", obj("A", num(1))),
            "mcpServers.github.env.A: Input should be a valid string"),
        m(
            "mcp capsem foo",
            set("mcpServers.github.capsem.foo", str("x")),
            "mcpServers.github.capsem.foo: Extra inputs are not permitted"),
        m(
            "legacy mcp connectors",
            set("mcp", obj("connectors", ObjectNode.empty())),
            "mcp: Extra inputs are not permitted"),
        m(
            "rule priority 1000 (D2)",
            set("security.rules.http.allow-api.priority", num(1000)),
            "OK"),
        m(
            "rule priority 1001",
            set("security.rules.http.allow-api.priority", num(1001)),
            "security.rules.http.allow-api.priority: Input should be less than or equal to 1000"),
        m(
            "rule priority -1001",
            set("security.rules.http.allow-api.priority", num(-1001)),
            "security.rules.http.allow-api.priority: Input should be greater than or equal to -1000"),
        m("rule priority -1000", set("security.rules.http.allow-api.priority", num(-1000)), "OK"),
        m("rule priority \"5\"", set("security.rules.http.allow-api.priority", str("5")), "OK"),
        m(
            "rule decision deny",
            set("security.rules.http.allow-api.decision", str("deny")),
            "security.rules.http.allow-api.decision: Input should be 'allow', 'ask', 'block' or 'rewrite'"),
        m(
            "rule without on",
            remove("security.rules.http.allow-api.on"),
            "security.rules.http.allow-api.on: Field required"),
        m(
            "security.rules.file",
            set("security.rules.file", ObjectNode.empty()),
            "security.rules.file: Extra inputs are not permitted"),
        m(
            "capability audit deny",
            set("security.capabilities.audit", str("deny")),
            "security.capabilities.audit: Input should be 'allow', 'ask', 'block' or 'audit'"),
        m(
            "capability telemetry",
            set("security.capabilities.telemetry", str("ask")),
            "security.capabilities.telemetry: Extra inputs are not permitted"),
        m(
            "tool source remote",
            set("tools.uv.source", str("remote")),
            "tools.uv.source: Input should be 'guest', 'host' or 'profile'"),
        m(
            "tool without required",
            remove("tools.uv.required"),
            "tools.uv.required: Field required"),
        m(
            "tool required maybe",
            set("tools.uv.required", str("maybe")),
            "tools.uv.required: Input should be a valid boolean, unable to interpret input"),
        m(
            "tool required 2",
            set("tools.uv.required", num(2)),
            "tools.uv.required: Input should be a valid boolean, unable to interpret input"),
        m(
            "tool required 0.5",
            set("tools.uv.required", new FloatNode(0.5, null)),
            "tools.uv.required: Input should be a valid boolean"),
        m("tools list", set("tools", ArrayNode.of(List.of())), "tools: Input should be an object"),
        m("remove tools", remove("tools"), "tools: Field required"),
        m("remove security", remove("security"), "security: Field required"),
        m("security empty", set("security", ObjectNode.empty()), "OK"),
        m(
            "distro ubuntu",
            set("packages.system.distro", str("ubuntu")),
            "packages.system.distro: Input should be 'debian'"),
        m(
            "apt version empty",
            set("packages.system.apt.curl", str("")),
            "packages.system.apt.curl: String should have at least 1 character"),
        m(
            "theme blue",
            set("appearance.theme", str("blue")),
            "appearance.theme: Input should be 'inherit-service', 'system', 'light' or 'dark'"),
        m(
            "editable foo",
            set("editable.foo", BooleanNode.of(true)),
            "editable.foo: Extra inputs are not permitted"),
        m(
            "display_name empty",
            set("general.display_name", str("")),
            "general.display_name: String should have at least 1 character"),
        m(
            "provider base_url nope",
            set("ai.providers.openai.base_url", str("nope")),
            "ai.providers.openai.base_url: Input should be a valid URL, relative URL without a base"),
        m(
            "provider api_key",
            set("ai.providers.openai.api_key", str("x")),
            "ai.providers.openai.api_key: Extra inputs are not permitted"),
        m(
            "provider credential ref empty",
            set("ai.providers.openai.credential_refs", ArrayNode.ofStrings(List.of(""))),
            "ai.providers.openai.credential_refs.0: String should have at least 1 character"),
        m(
            "remove name and cpus 0",
            doc -> TreeEdit.set(TreeEdit.remove(doc, "name"), "vm.cpus", num(0)),
            "name: Field required",
            "vm.cpus: Input should be greater than or equal to 1"),
        m(
            "unknown key and missing name: unknown keys first, as pydantic-core walks JSON",
            doc -> TreeEdit.set(TreeEdit.remove(doc, "name"), "legacy_settings", str("x")),
            "legacy_settings: Extra inputs are not permitted",
            "name: Field required"),
        m("name null", set("name", NullNode.of()), "name: Input should be a valid string"),
        m("general null", set("general", NullNode.of()), "general: Input should be an object"),
        m("icon_svg null is absent", set("icon_svg", NullNode.of()), "OK"));
  }

  /** Stricter rules of the runtime's JSON Schema (spec §1.5, Open point 1): ours reports them. */
  static Stream<Arguments> schemaOnlyRules() {
    return Stream.of(
        m(
            "icon svgfoo",
            set("icon_svg", str("<svgfoo")),
            "icon_svg: String should match pattern '^\\s*<svg[\\s>]'"),
        m(
            "assets empty",
            set("vm.assets", ObjectNode.empty()),
            "vm.assets: Dictionary should have at least 1 item after validation, not 0"),
        m(
            "tools empty",
            set("tools", ObjectNode.empty()),
            "tools: Dictionary should have at least 1 item after validation, not 0"),
        m(
            "runtimes empty",
            set("packages.runtimes", ObjectNode.empty()),
            "packages.runtimes: Dictionary should have at least 1 item after validation, not 0"),
        m(
            "node package key",
            set("packages.node_packages.bad key!", str("1")),
            "packages.node_packages.bad key!.[key]: String should match pattern '^(@[A-Za-z0-9_.-]+/)?[A-Za-z0-9_.-]+$'"),
        m(
            "accent blue",
            set("appearance.accent", str("blue")),
            "appearance.accent: String should match pattern '^#[0-9a-fA-F]{6}$'"),
        m(
            "rule on foo.bar",
            set("security.rules.http.allow-api.on", str("foo.bar")),
            "security.rules.http.allow-api.on: Input should be 'mcp.request', 'mcp.response',"
                + " 'http.request', 'http.response', 'http.read', 'http.write', 'dns.request',"
                + " 'dns.response', 'model.request', 'model.response', 'model.tool_call',"
                + " 'model.tool_response' or 'hook.decision'"),
        m(
            "duplicate allowed tool",
            set("mcpServers.github.capsem.allowed_tools", ArrayNode.ofStrings(List.of("a", "a"))),
            "mcpServers.github.capsem.allowed_tools.1: List should have unique items; 'a' appears more than once"),
        m(
            "mcp_servers snake case",
            set("mcp_servers", ObjectNode.empty()),
            "mcp_servers: Extra inputs are not permitted"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource({"mutations", "schemaOnlyRules"})
  void check_mutatedValidFixture_reportsUpstreamFindings(
      String name, UnaryOperator<ObjectNode> mutation, List<String> expected) throws Exception {
    ObjectNode valid =
        (ObjectNode)
            JsonReader.read(
                Conformance.text("schemas/fixtures/profile-v2-valid.json"), JsonDialect.PYDANTIC);

    ProfileCheck check = ProfileReader.check(mutation.apply(valid), "p.json");

    List<String> actual =
        check.diagnostics().stream().map(d -> d.path() + ": " + d.message()).toList();
    assertThat(actual.isEmpty() ? List.of("OK") : actual).isEqualTo(expected);
    assertThat(check.profile() == null).isEqualTo(!expected.equals(List.of("OK")));
  }

  @Test
  void check_everyDiagnostic_hasCodeAndSeverity() throws Exception {
    ObjectNode valid =
        (ObjectNode)
            JsonReader.read(
                Conformance.text("schemas/fixtures/profile-v2-valid.json"), JsonDialect.PYDANTIC);
    ProfileCheck check = ProfileReader.check(TreeEdit.remove(valid, "name"), "p.json");
    Diagnostic d = check.diagnostics().get(0);
    assertThat(d.code().name()).isEqualTo("E001");
    assertThat(d.isError()).isTrue();
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

  private static StringNode str(String value) {
    return StringNode.of(value);
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

package dev.capsem.core.internal.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.internal.workspace.GuestConfig.PackageSet;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Where ours departs from upstream's legacy linter (spec §5.1, §5.2): the brief's optional {@code
 * install_cmd}, the {@code http} MCP transport, {@code security/controls.toml}, and the provider
 * file naming rule (E105).
 */
class WorkspaceLinterOursTest {

  @TempDir Path tmp;
  GuestDir guest;

  @BeforeEach
  void validGuest() {
    guest = GuestDir.valid(tmp);
  }

  @Nested
  class OptionalInstallCmd {

    @ParameterizedTest
    @CsvSource({
      "apt, apt-get install -y --no-install-recommends",
      "uv, uv pip install --system --break-system-packages",
      "pip, pip3 install --break-system-packages",
      "npm, npm install -g",
      "curl, curl -fsSL"
    })
    void lint_setWithoutInstallCmd_isValidAndGetsItsManagersDefault(
        String manager, String expected) {
      guest.write(
          "config/packages/python.toml",
          """
          [python]
          name = "Packages"
          manager = "%s"
          packages = ["something"]
          network = { name = "Registry", domains = ["registry.example"] }
          """
              .formatted(manager));

      WorkspaceLint lint = guest.lint();

      assertThat(lint.diagnostics()).isEmpty();
      PackageSet set = lint.config().packageSets().get("python");
      assertThat(set.installCmd()).isEqualTo(expected);
      assertThat(set.installCmdGiven()).isFalse();
    }

    @Test
    void lint_briefsAptTomlWithoutInstallCmd_isValidAndOnlyLacksANetwork() {
      guest.write(
          "config/packages/apt.toml",
          """
          [apt]
          name = "System Packages"
          manager = "apt"
          packages = [
          "coreutils", "util-linux", "git", "curl",
          "python3", "python3-pip", "python3-venv",
          ]
          """);

      WorkspaceLint lint = guest.lint();

      assertThat(GuestDir.findings(lint))
          .containsExactly(
              "W004 config/packages/apt.toml:1:1: Package set 'apt' has no network config (can't"
                  + " download at build time)");
      assertThat(lint.config().packageSets().get("apt").installCmd())
          .isEqualTo("apt-get install -y --no-install-recommends");
    }
  }

  @Nested
  class HttpMcpTransport {

    @Test
    void lint_localServerOverHttpWithoutUrl_isE007() {
      guest.write(
          "config/mcp/local.toml",
          """
          [local]
          name = "Local"
          transport = "http"
          """);

      assertThat(guest.findings())
          .containsExactly(
              "E007 config/mcp/local.toml:1:1: local: Value error, http transport requires 'url'");
    }

    @Test
    void lint_localServerOverHttpWithUrl_isValid() {
      guest.write(
          "config/mcp/local.toml",
          """
          [local]
          name = "Local"
          transport = "http"
          url = "http://127.0.0.1:7777/mcp"
          """);

      WorkspaceLint lint = guest.lint();

      assertThat(lint.diagnostics()).isEmpty();
      assertThat(lint.config().mcpServers().get("local").transport()).isEqualTo("http");
    }

    @Test
    void lint_unknownTransport_isE005ListingTheThreeTransports() {
      guest.write(
          "config/mcp/local.toml",
          """
          [local]
          name = "Local"
          transport = "websocket"
          url = "ws://127.0.0.1:7777"
          """);

      assertThat(guest.findings())
          .containsExactly(
              "E005 config/mcp/local.toml:3:13: local.transport: Input should be 'stdio', 'sse'"
                  + " or 'http'");
    }
  }

  @Nested
  class SecurityControls {

    private static final String BRIEF_CONTROLS =
        """
        [security.rules.http.allow_github]
        on = "http.request"
        if = 'http.request.host == "github.com" || http.request.host.endsWith(".githubusercontent.com")'
        decision = "allow"
        priority = 10
        [security.rules.http.block_unknown_writes]
        on = "http.request"
        if = 'http.request.method in ["POST", "PUT", "PATCH", "DELETE"]'
        decision = "block"
        priority = 1000
        """;

    @Test
    void lint_briefsControls_areReadAsTheProfileSecurityTable() {
      guest.write("config/security/controls.toml", BRIEF_CONTROLS);

      WorkspaceLint lint = guest.lint();

      assertThat(lint.diagnostics()).isEmpty();
      assertThat(lint.config().controls().rules("http")).hasSize(2);
    }

    @Test
    void lint_capabilityWithAnUnknownDecision_isE005AtTheValueInControlsToml() {
      guest.write(
          "config/security/controls.toml",
          """
          [security.capabilities]
          network_egress = "maybe"
          """);

      assertThat(guest.findings())
          .containsExactly(
              "E005 config/security/controls.toml:2:18: security.capabilities.network_egress:"
                  + " Input should be 'allow', 'ask', 'block' or 'audit'");
    }

    @Test
    void lint_ruleWithAnUnknownDecision_isE005AtTheDecision() {
      guest.write("config/security/controls.toml", BRIEF_CONTROLS.replace("\"block\"", "\"deny\""));

      assertThat(guest.findings())
          .singleElement()
          .asString()
          .startsWith(
              "E005 config/security/controls.toml:9:12:"
                  + " security.rules.http.block_unknown_writes.decision: Input should be");
    }

    @Test
    void lint_controlsWithoutSecurityTable_isE001AtTheFileStart() {
      guest.write("config/security/controls.toml", "[capabilities]\nnetwork_egress = \"ask\"\n");

      assertThat(guest.findings())
          .containsExactly("E001 config/security/controls.toml:1:1: security: Field required");
    }

    @Test
    void lint_workspaceWithControls_neverWarnsAboutALegacyRegistry() {
      guest
          .delete("config/security/web.toml")
          .write("config/security/controls.toml", BRIEF_CONTROLS);

      assertThat(guest.findings()).isEmpty();
    }

    @Test
    void lint_workspaceWithControlsAndAnEmptyLegacyWebTable_stillHasNoW014() {
      guest
          .write("config/security/web.toml", "[web]\n")
          .write("config/security/controls.toml", BRIEF_CONTROLS);

      assertThat(guest.findings()).isEmpty();
    }
  }

  @Nested
  class ProviderNamedLikeItsFileE105 {

    @Test
    void lint_tableNamedUnlikeItsFile_isE105ButTheConfigStillLoads() {
      guest.delete("config/ai/google.toml").write("config/ai/gemini.toml", GuestDir.GOOGLE);

      WorkspaceLint lint = guest.lint();

      assertThat(GuestDir.findings(lint))
          .containsExactly(
              "E105 config/ai/gemini.toml:1:1: google: provider table 'google' does not match file"
                  + " name 'gemini'");
      assertThat(lint.ok()).isFalse();
      assertThat(lint.config().providers().get("google").file()).isEqualTo("config/ai/gemini.toml");
    }

    @Test
    void lint_secondTableInAProviderFile_isE105ForThatTable() {
      guest.write(
          "config/ai/google.toml",
          GuestDir.GOOGLE
              + """

              [vertex]
              name = "Vertex"
              api_key = { name = "Key", env_vars = ["VERTEX_KEY"] }
              network = { domains = ["*.aiplatform.googleapis.com"] }
              """);

      assertThat(guest.findings())
          .containsExactly(
              "E105 config/ai/google.toml:21:1: vertex: provider table 'vertex' does not match"
                  + " file name 'google'");
    }

    @Test
    void lint_briefsAnthropicProvider_isValid() {
      guest.write(
          "config/ai/anthropic.toml",
          """
          [anthropic]
          name = "Anthropic"
          description = "Claude Code AI agent"
          enabled = true
          [anthropic.api_key]
          name = "Anthropic API Key"
          env_vars = ["ANTHROPIC_API_KEY"]
          prefix = "sk-ant-"
          docs_url = "https://console.anthropic.com/settings/keys"
          [anthropic.network]
          domains = ["*.anthropic.com", "*.claude.com"]
          allow_get = true
          allow_post = true
          [anthropic.install]
          manager = "curl"
          packages = ["https://claude.ai/install.sh"]
          [anthropic.files.settings_json]
          path = "/root/.claude/settings.json"
          content = '{"permissions":{"defaultMode":"bypassPermissions"}}'
          """);

      WorkspaceLint lint = guest.lint();

      assertThat(lint.diagnostics()).isEmpty();
      assertThat(lint.config().providers()).containsOnlyKeys("anthropic", "google");
    }
  }
}

package dev.capsem.core.internal.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The warnings of upstream's legacy linter ({@code test_validate} TestW001…TestW013) under our
 * codes (W001→W014, W003→W005, W005→W015), each with a positive and a negative case.
 */
class WorkspaceLinterWarningsTest {

  @TempDir Path tmp;
  GuestDir guest;

  @BeforeEach
  void validGuest() {
    guest = GuestDir.valid(tmp);
  }

  @Nested
  class DevelopmentPackagesW002 {

    @Test
    void lint_devAndDevelPackages_warnAtEachPackage() {
      guest.write(
          "config/packages/python.toml",
          """
          [python]
          name = "System"
          manager = "apt"
          packages = ["libssl-dev", "git", "openssl-devel"]
          network = { name = "Debian", domains = ["deb.debian.org"] }
          """);

      assertThat(guest.findings())
          .containsExactly(
              "W002 config/packages/python.toml:4:13: Package 'libssl-dev' looks like a"
                  + " development package in python",
              "W002 config/packages/python.toml:4:34: Package 'openssl-devel' looks like a"
                  + " development package in python");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev-tools", "libdevel-x", "python3-venv", "developer"})
    void lint_packageThatOnlyContainsDev_isFine(String name) {
      guest.write(
          "config/packages/python.toml",
          GuestDir.PYTHON.replace("\"requests\"", "\"" + name + "\""));

      assertThat(guest.findings()).isEmpty();
    }
  }

  @Nested
  class PackageSetWithoutNetworkW004 {

    @Test
    void lint_setWithoutNetwork_warnsAtTheSetTable() {
      guest.write(
          "config/packages/python.toml",
          """
          [python]
          name = "Python"
          manager = "uv"
          packages = ["pytest"]
          """);

      assertThat(guest.findings())
          .containsExactly(
              "W004 config/packages/python.toml:1:1: Package set 'python' has no network config"
                  + " (can't download at build time)");
    }
  }

  @Nested
  class SecretsW005 {

    @Test
    void lint_secretInProviderFileContent_warnsWithARedactedPrefixOnly() {
      guest.write(
          "config/ai/google.toml",
          GuestDir.GOOGLE
              + """

              [google.files.env]
              path = "/root/.env"
              content = "ANTHROPIC_API_KEY=sk-ant-api03-realkey1234567890"
              """);

      assertThat(guest.findings())
          .containsExactly(
              "W005 config/ai/google.toml:23:11: Potential secret in ai.google.files.env.content"
                  + " (sk-ant-…)");
    }

    @Test
    void lint_bearerGithubTokenInMcpHeader_warnsAtTheHeaderValue() {
      guest.write(
          "config/mcp/capsem.toml",
          GuestDir.CAPSEM_MCP
              + """

              [capsem.headers]
              Authorization = "Bearer ghp_realtoken12345678901234567890"
              """);

      assertThat(guest.findings())
          .containsExactly(
              "W005 config/mcp/capsem.toml:10:17: Potential secret in"
                  + " mcp.capsem.headers.Authorization (ghp_…)");
    }

    @Test
    void lint_plainBearerTokenInInlineHeaders_showsOnlyTheWordBearer() {
      guest.write(
          "config/mcp/capsem.toml",
          GuestDir.CAPSEM_MCP
              + "headers = { Authorization = \"Bearer abcdefghijklmnopqrstuvwxyz0123\" }\n");

      assertThat(guest.findings())
          .containsExactly(
              "W005 config/mcp/capsem.toml:8:29: Potential secret in"
                  + " mcp.capsem.headers.Authorization (Bearer …)");
    }

    @Test
    void lint_secretInMcpEnv_warnsAtTheEnvValue() {
      guest.write(
          "config/mcp/capsem.toml",
          GuestDir.CAPSEM_MCP
              + """

              [capsem.env]
              GITLAB_TOKEN = "glpat-abcdefghij0123"
              """);

      assertThat(guest.findings())
          .containsExactly(
              "W005 config/mcp/capsem.toml:10:16: Potential secret in mcp.capsem.env.GITLAB_TOKEN"
                  + " (glpat-…)");
    }

    @Test
    void lint_secretInBashrc_usesUpstreamsWording() {
      guest.write(
          "config/vm/environment.toml",
          GuestDir.ENVIRONMENT
              + """

              [environment.shell.bashrc]
              path = "/root/.bashrc"
              content = '''
              export OPENAI_API_KEY=sk-abcdefghijklmnopqrstuvwxyz
              '''
              """);

      assertThat(guest.findings())
          .containsExactly(
              "W005 config/vm/environment.toml:12:11: Potential secret in shell bashrc content"
                  + " (sk-…)");
    }

    @Test
    void lint_secretInTmuxConf_usesUpstreamsWording() {
      guest.write(
          "config/vm/environment.toml",
          GuestDir.ENVIRONMENT
              + """

              [environment.shell.tmux_conf]
              path = "/root/.tmux.conf"
              content = "set-environment -g KEY AIzaSyA1234567890abcdef"
              """);

      assertThat(guest.findings())
          .containsExactly(
              "W005 config/vm/environment.toml:12:11: Potential secret in shell tmux_conf content"
                  + " (AIza…)");
    }

    @Test
    void lint_secretInAnyOtherString_isFoundToo() {
      guest.write(
          "config/packages/python.toml",
          """
          [python]
          name = "Python"
          manager = "uv"
          packages = ["pytest"]
          index_token = "sk-proj-abcdefghijklmnopqrstuv"
          network = { name = "PyPI", domains = ["pypi.org"] }
          """);

      assertThat(guest.findings())
          .containsExactly(
              "W005 config/packages/python.toml:5:15: Potential secret in python.index_token"
                  + " (sk-proj-…)");
    }

    @Test
    void lint_secretInAStrayTomlFile_isFoundToo() {
      guest.write(
          "config/notes/keys.toml", "tokens = [\"x\", \"ghp_abcdefghijklmnopqrstuvwxyz\"]\n");

      assertThat(guest.findings())
          .containsExactly(
              "W005 config/notes/keys.toml:1:16: Potential secret in tokens.1 (ghp_…)");
    }

    @Test
    void lint_credentialReferenceInMcpEnv_isNotASecret() {
      guest.write(
          "config/mcp/capsem.toml",
          GuestDir.CAPSEM_MCP
              + """

              [capsem.env]
              ANTHROPIC_API_KEY = "env:ANTHROPIC_API_KEY"
              GITHUB_TOKEN = "env:GITHUB_TOKEN"
              """);

      assertThat(guest.findings()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sk-ant-", "sk-", "AIza", "ghp_", "glpat-"})
    void lint_apiKeyPrefix_isNotASecret(String prefix) {
      guest.write(
          "config/ai/google.toml",
          GuestDir.GOOGLE.replace("prefix = \"AIza\"", "prefix = \"" + prefix + "\""));

      assertThat(guest.findings()).isEmpty();
    }

    @Test
    void lint_everySecretWarning_neverRepeatsTheSecret() {
      guest
          .write(
              "config/mcp/capsem.toml",
              GuestDir.CAPSEM_MCP
                  + """
                  env = { A = "sk-ant-api03-SECRETPART0123", B = "xoxb-SECRETPART0123" }
                  headers = { C = "Bearer SECRETPART0123456789abcdef" }
                  """)
          .write("config/notes.toml", "key = \"AKIASECRETPART012345\"\n");

      assertThat(guest.findings())
          .hasSize(4)
          .allSatisfy(line -> assertThat(line).doesNotContain("SECRETPART"));
    }
  }

  @Nested
  class PlaceholderContentW006 {

    private void notesContent(String content) {
      guest.write(
          "config/ai/google.toml",
          GuestDir.GOOGLE
              + """

              [google.files.notes]
              path = "/root/notes.txt"
              content = "%s"
              """
                  .formatted(content));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {"TODO", "FIXME", " changeme\\n", "REPLACE_ME", "xxx", "\u00a0Todo\u00a0"})
    void lint_placeholderContent_warnsAtTheContent(String content) {
      notesContent(content);

      assertThat(guest.findings())
          .containsExactly(
              "W006 config/ai/google.toml:23:11: File content looks like a placeholder in"
                  + " ai.google.files.notes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "TODO: fill in", "todos", "XXXX", "real content"})
    void lint_contentThatIsNotOnlyAPlaceholder_isFine(String content) {
      notesContent(content);

      assertThat(guest.findings()).isEmpty();
    }
  }

  @Nested
  class BroadWildcardsW007 {

    @Test
    void lint_broadProviderDomains_warnForEachInOrder() {
      guest.write(
          "config/ai/google.toml",
          GuestDir.GOOGLE.replace(
              "[\"*.googleapis.com\"]",
              "[\"*\", \"*.com\", \"*.googleapis.com\", \"*.net\", \"*.xyz\", \"*.abcd\","
                  + " \"*.co.uk\"]"));

      assertThat(guest.findings())
          .containsExactly(
              "W007 config/ai/google.toml:12:12: Overly broad wildcard domain '*' in ai.google",
              "W007 config/ai/google.toml:12:17: Overly broad wildcard domain '*.com' in ai.google",
              "W007 config/ai/google.toml:12:46: Overly broad wildcard domain '*.net' in ai.google",
              "W007 config/ai/google.toml:12:55: Overly broad wildcard domain '*.xyz' in ai.google");
    }

    @Test
    void lint_broadCustomAllow_warnsInCustomAllow() {
      guest.write(
          "config/security/web.toml",
          GuestDir.WEB.replace(
              "allow_write = false",
              "allow_write = false\ncustom_allow = [\"*.com\", \"*.corp.example\"]"));

      assertThat(guest.findings())
          .containsExactly(
              "W007 config/security/web.toml:4:17: Overly broad wildcard domain '*.com' in"
                  + " custom_allow");
    }

    @Test
    void lint_broadWebServiceDomain_warnsNamingTheService() {
      guest.write(
          "config/security/web.toml", GuestDir.WEB.replace("\"www.google.com\"", "\"*.org\""));

      assertThat(guest.findings())
          .containsExactly(
              "W007 config/security/web.toml:7:12: Overly broad wildcard domain '*.org' in"
                  + " web.search.google");
    }

    @ParameterizedTest
    @ValueSource(strings = {"*.googleapis.com", "*.anthropic.com", "*.abcd", "*.co.uk", "api.*"})
    void lint_narrowWildcard_isFine(String domain) {
      guest.write(
          "config/ai/google.toml",
          GuestDir.GOOGLE.replace("\"*.googleapis.com\"", "\"" + domain + "\""));

      assertThat(guest.findings()).isEmpty();
    }
  }

  @Nested
  class SharedEnvVarsW008 {

    private static final String OPENAI =
        """
        [openai]
        name = "OpenAI"
        api_key = { name = "Key", env_vars = ["OPENAI_API_KEY", "%s"] }
        network = { domains = ["api.openai.com"] }
        """;

    @Test
    void lint_envVarReusedByALaterProvider_warnsInTheLaterFile() {
      guest.write("config/ai/openai.toml", OPENAI.formatted("GEMINI_API_KEY"));

      assertThat(guest.findings())
          .containsExactly(
              "W008 config/ai/openai.toml:3:57: Duplicate env_var 'GEMINI_API_KEY' in ai.openai"
                  + " (also in ai.google)");
    }

    @Test
    void lint_envVarListedTwiceByOneProvider_warnsAsUpstreamDoes() {
      guest.write(
          "config/ai/google.toml",
          GuestDir.GOOGLE.replace(
              "[\"GEMINI_API_KEY\"]",
              "[\"GEMINI_API_KEY\", \"GOOGLE_API_KEY\", \"GEMINI_API_KEY\"]"));

      assertThat(guest.findings())
          .containsExactly(
              "W008 config/ai/google.toml:8:49: Duplicate env_var 'GEMINI_API_KEY' in ai.google"
                  + " (also in ai.google)");
    }

    @Test
    void lint_distinctEnvVars_areFine() {
      guest.write("config/ai/openai.toml", OPENAI.formatted("OPENAI_ORG"));

      assertThat(guest.findings()).isEmpty();
    }
  }

  @Nested
  class ShellMetacharactersW009 {

    @ParameterizedTest
    @ValueSource(
        strings = {
          "uv pip install | tee /tmp/log",
          "uv pip install; rm -rf /",
          "uv pip install $(cat requirements.txt)",
          "uv pip install && echo done",
          "uv pip install `id`"
        })
    void lint_metacharacterInInstallCmd_warnsAtTheCommand(String command) {
      guest.write(
          "config/packages/python.toml",
          GuestDir.PYTHON.replace("\"uv pip install --system\"", "\"" + command + "\""));

      assertThat(guest.findings())
          .containsExactly(
              "W009 config/packages/python.toml:4:15: Shell metacharacters in install_cmd for"
                  + " python");
    }

    @Test
    void lint_plainInstallCmd_isFine() {
      guest.write(
          "config/packages/python.toml",
          GuestDir.PYTHON.replace(
              "\"uv pip install --system\"",
              "\"uv pip install --system --break-system-packages\""));

      assertThat(guest.findings()).isEmpty();
    }
  }

  @Nested
  class PathW010 {

    @Test
    void lint_pathWithoutUsrBinAndBin_warnsAtThePath() {
      guest.write(
          "config/vm/environment.toml",
          GuestDir.ENVIRONMENT.replace("/usr/local/bin:/usr/bin:/bin", "/opt/custom/bin"));

      assertThat(guest.findings())
          .containsExactly(
              "W010 config/vm/environment.toml:4:8: PATH is missing /usr/bin and /bin");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/usr/bin", "/bin", "/opt/x:/bin:/opt/y"})
    void lint_pathWithEitherDirectory_isFine(String path) {
      guest.write(
          "config/vm/environment.toml",
          GuestDir.ENVIRONMENT.replace("/usr/local/bin:/usr/bin:/bin", path));

      assertThat(guest.findings()).isEmpty();
    }
  }

  @Nested
  class WideOpenPolicyW011 {

    @Test
    void lint_readAndWriteWithoutBlockList_warnsAtTheWebTable() {
      guest.write(
          "config/security/web.toml",
          GuestDir.WEB.replace(
              "allow_read = false\nallow_write = false", "allow_read = true\nallow_write = true"));

      assertThat(guest.findings())
          .containsExactly(
              "W011 config/security/web.toml:1:1: Network policy is wide open: allow_read and"
                  + " allow_write both true with no block list");
    }

    @Test
    void lint_readAndWriteWithABlockList_isFine() {
      guest.write(
          "config/security/web.toml",
          GuestDir.WEB.replace(
              "allow_read = false\nallow_write = false",
              "allow_read = true\nallow_write = true\ncustom_block = [\"evil.example\"]"));

      assertThat(guest.findings()).isEmpty();
    }

    @Test
    void lint_readOnly_isFine() {
      guest.write(
          "config/security/web.toml",
          GuestDir.WEB.replace("allow_read = false", "allow_read = true"));

      assertThat(guest.findings()).isEmpty();
    }
  }

  @Nested
  class RustTargetW012 {

    @Test
    void lint_gnuRustTarget_warnsAtTheTarget() {
      guest.write(
          "config/build.toml",
          GuestDir.BUILD.replace("aarch64-unknown-linux-musl", "aarch64-unknown-linux-gnu"));

      assertThat(guest.findings())
          .containsExactly(
              "W012 config/build.toml:8:15: Unknown rust_target 'aarch64-unknown-linux-gnu' for"
                  + " arm64 (expected musl target)");
    }
  }

  @Nested
  class CliWithoutVersionCommandW013 {

    @Test
    void lint_enabledProviderCliWithoutVersionCommand_warnsAtTheCliTable() {
      guest.write(
          "config/ai/google.toml",
          GuestDir.GOOGLE.replace("version_command = \"gemini --version\"\n", ""));

      assertThat(guest.findings())
          .containsExactly(
              "W013 config/ai/google.toml:16:1: AI provider 'google' has cli but no"
                  + " version_command -- tool-versions.txt will not track this CLI");
    }

    @Test
    void lint_emptyVersionCommand_warnsAsIfMissing() {
      guest.write("config/ai/google.toml", GuestDir.GOOGLE.replace("\"gemini --version\"", "\"\""));

      assertThat(guest.findings())
          .containsExactly(
              "W013 config/ai/google.toml:16:1: AI provider 'google' has cli but no"
                  + " version_command -- tool-versions.txt will not track this CLI");
    }

    @Test
    void lint_disabledProviderCliWithoutVersionCommand_isFine() {
      guest.write(
          "config/ai/google.toml",
          GuestDir.GOOGLE
              .replace("version_command = \"gemini --version\"\n", "")
              .replace("enabled = true", "enabled = false"));

      assertThat(guest.findings()).isEmpty();
    }

    @Test
    void lint_providerWithoutCli_isFine() {
      guest.write(
          "config/ai/google.toml",
          GuestDir.GOOGLE.substring(0, GuestDir.GOOGLE.indexOf("[google.cli]")));

      assertThat(guest.findings()).isEmpty();
    }
  }

  @Nested
  class NoRegistryW014 {

    @Test
    void lint_webTomlWithoutRegistry_warnsAtTheWebTable() {
      guest.write("config/security/web.toml", "[web]\n");

      assertThat(guest.findings())
          .containsExactly(
              "W014 config/security/web.toml:1:1: Package sets configured but no package registry"
                  + " in web security");
    }

    @Test
    void lint_noWebToml_warnsWithoutAPosition() {
      guest.delete("config/security/web.toml");

      assertThat(guest.findings())
          .containsExactly(
              "W014 config/security/web.toml: Package sets configured but no package registry in"
                  + " web security");
    }

    @Test
    void lint_noPackageSets_isFineWithoutARegistry() {
      guest.delete("config/packages").write("config/security/web.toml", "[web]\n");

      assertThat(guest.findings()).isEmpty();
    }
  }

  @Nested
  class AllowBlockOverlapW015 {

    @Test
    void lint_domainsInBothLists_areListedSorted() {
      guest.write(
          "config/security/web.toml",
          GuestDir.WEB.replace(
              "allow_write = false",
              """
              allow_write = false
              custom_allow = ["c.com", "b.com", "a.com"]
              custom_block = ["a.com", "d.com", "c.com"]"""));

      assertThat(guest.findings())
          .containsExactly(
              "W015 config/security/web.toml:5:16: Domains in both allow and block lists: a.com,"
                  + " c.com");
    }

    @Test
    void lint_disjointLists_areFine() {
      guest.write(
          "config/security/web.toml",
          GuestDir.WEB.replace(
              "allow_write = false",
              "allow_write = false\ncustom_allow = [\"a.com\"]\ncustom_block = [\"b.com\"]"));

      assertThat(guest.findings()).isEmpty();
    }
  }
}

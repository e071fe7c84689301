package dev.capsem.core.internal.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.diag.Position;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lint result: upstream's order (errors first, then by code, otherwise discovery order), its
 * closing summary, and upstream's adversarial cases ({@code TestAdversarial}).
 */
class WorkspaceLintTest {

  @TempDir Path tmp;
  GuestDir guest;

  @BeforeEach
  void validGuest() {
    guest = GuestDir.valid(tmp);
  }

  private static Diagnostic finding(Code code, String message) {
    return new Diagnostic(code, "config/build.toml", "", new Position(1, 1), message);
  }

  @Nested
  class Order {

    @Test
    void new_unsortedFindings_putsErrorsFirstThenCodesAndKeepsDiscoveryOrderWithinACode() {
      List<Diagnostic> found =
          List.of(
              finding(Code.W002, "w002 first"),
              finding(Code.E304, "e304"),
              finding(Code.W015, "w015"),
              finding(Code.E006, "e006 first"),
              finding(Code.W002, "w002 second"),
              finding(Code.E016, "e016"),
              finding(Code.E006, "e006 second"),
              finding(Code.W014, "w014"));

      WorkspaceLint lint = new WorkspaceLint(found, null);

      assertThat(lint.diagnostics())
          .extracting(Diagnostic::message)
          .containsExactly(
              "e006 first",
              "e006 second",
              "e016",
              "e304",
              "w002 first",
              "w002 second",
              "w014",
              "w015");
    }

    @Test
    void lint_findingsOfSeveralChecks_comeOutInUpstreamsOrder() {
      guest
          .write(
              "config/packages/python.toml",
              """
              [python]
              name = "Python"
              manager = "apt"
              packages = ["zlib-dev", "libssl-dev"]
              """)
          .write(
              "config/ai/google.toml",
              GuestDir.GOOGLE.replace(
                  "[\"*.googleapis.com\"]", "[\"*\", \"https://googleapis.com\"]"))
          .delete("config/kernel");

      assertThat(guest.findings())
          .extracting(line -> line.substring(0, line.indexOf(':', line.indexOf(' '))))
          .containsExactly(
              "E006 config/ai/google.toml",
              "E304 config/build.toml",
              "W002 config/packages/python.toml",
              "W002 config/packages/python.toml",
              "W004 config/packages/python.toml",
              "W007 config/ai/google.toml");
      assertThat(guest.findings().get(2)).contains("'zlib-dev'");
      assertThat(guest.findings().get(3)).contains("'libssl-dev'");
    }

    @Test
    void new_copiesTheFindings() {
      List<Diagnostic> found = new ArrayList<>(List.of(finding(Code.W002, "one")));

      WorkspaceLint lint = new WorkspaceLint(found, null);
      found.add(finding(Code.E001, "two"));

      assertThat(lint.diagnostics()).hasSize(1);
    }
  }

  @Nested
  class Summary {

    @Test
    void summary_withErrors_countsErrorsAndWarnings() {
      WorkspaceLint lint =
          new WorkspaceLint(
              List.of(
                  finding(Code.E006, "a"),
                  finding(Code.W002, "b"),
                  finding(Code.W004, "c"),
                  finding(Code.E304, "d")),
              null);

      assertThat(lint.ok()).isFalse();
      assertThat(lint.errorCount()).isEqualTo(2);
      assertThat(lint.warningCount()).isEqualTo(2);
      assertThat(lint.summary()).isEqualTo("2 error(s), 2 warning(s)");
    }

    @Test
    void summary_withWarningsOnly_passes() {
      WorkspaceLint lint =
          new WorkspaceLint(List.of(finding(Code.W002, "b"), finding(Code.W004, "c")), null);

      assertThat(lint.ok()).isTrue();
      assertThat(lint.summary()).isEqualTo("2 warning(s), 0 errors -- passed");
    }

    @Test
    void summary_withNothing_isClean() {
      WorkspaceLint lint = new WorkspaceLint(List.of(), null);

      assertThat(lint.ok()).isTrue();
      assertThat(lint.summary()).isEqualTo("passed: config is clean");
      assertThat(lint.textLines()).containsExactly("passed: config is clean");
    }

    @Test
    void textLines_withFindings_areOneLineEachThenABlankLineAndTheSummary() {
      guest.delete("config/kernel/defconfig.arm64").write("config/security/web.toml", "[web]\n");

      assertThat(guest.lint().textLines())
          .containsExactly(
              "error[E304] config/build.toml:11:13: Missing kernel defconfig for arm64:"
                  + " kernel/defconfig.arm64",
              "warn[W014] config/security/web.toml:1:1: Package sets configured but no package"
                  + " registry in web security",
              "",
              "1 error(s), 1 warning(s)");
    }
  }

  /**
   * Upstream's {@code find_toml_line} guessed by text (and was never called); ours asks the parser.
   */
  @Nested
  class Positions {

    @Test
    void lint_keyRepeatedInSeveralTables_pointsAtTheOffendingTablesKey() {
      guest.write(
          "config/ai/google.toml",
          GuestDir.GOOGLE
              + """

              [google.files.good]
              path = "/root/good.txt"
              content = "x"

              [google.files.bad]
              path = "bad.txt"
              content = "y"
              """);

      assertThat(guest.findings())
          .containsExactly(
              "E009 config/ai/google.toml:26:8: File path must be absolute: 'bad.txt' in"
                  + " ai.google.files.bad");
    }

    @Test
    void lint_commentedOutValueBeforeTheRealOne_isIgnored() {
      guest.write(
          "config/ai/google.toml",
          """
          # [google]
          # domains = ["https://old.example"]
          [google]
          name = "Google AI"
          api_key = { name = "Key", env_vars = ["GEMINI_API_KEY"] }
          network.domains = [
            "ok.example",
            "https://new.example",
          ]
          """);

      assertThat(guest.findings())
          .containsExactly(
              "E006 config/ai/google.toml:8:3: Invalid domain pattern 'https://new.example' in"
                  + " ai.google.network.domains");
    }
  }

  @Nested
  class Adversarial {

    @Test
    void lint_badDomainDevPackageAndNoNetworkTogether_reportsAllThree() {
      guest
          .write(
              "config/ai/google.toml",
              GuestDir.GOOGLE.replace("\"*.googleapis.com\"", "\"https://googleapis.com/v1\""))
          .write(
              "config/packages/python.toml",
              """
              [python]
              name = "Python"
              manager = "apt"
              packages = ["python3-dev"]
              """);

      assertThat(guest.findings())
          .extracting(line -> line.substring(0, 4))
          .containsExactly("E006", "W002", "W004");
    }

    @Test
    void lint_providerWithAHundredDomains_hasNoFindings() {
      String domains =
          IntStream.range(0, 100)
              .mapToObj(i -> "\"api" + i + ".example.com\"")
              .collect(Collectors.joining(", ", "[", "]"));
      guest.write(
          "config/ai/google.toml", GuestDir.GOOGLE.replace("[\"*.googleapis.com\"]", domains));

      WorkspaceLint lint = guest.lint();

      assertThat(lint.diagnostics()).isEmpty();
      assertThat(lint.config().providers().get("google").network().domains()).hasSize(100);
    }

    @Test
    void lint_fiveProviders_hasNoFindings() {
      for (String key : List.of("alpha", "beta", "gamma", "delta", "epsilon")) {
        guest.write(
            "config/ai/" + key + ".toml",
            """
            [%1$s]
            name = "%1$s"
            api_key = { name = "Key", env_vars = ["%2$s_API_KEY"] }
            network = { domains = ["api.%1$s.example"] }
            cli = { key = "%1$s", name = "%1$s CLI", version_command = "%1$s --version" }
            """
                .formatted(key, key.toUpperCase(java.util.Locale.ROOT)));
      }

      WorkspaceLint lint = guest.lint();

      assertThat(lint.diagnostics()).isEmpty();
      assertThat(lint.config().providers()).hasSize(6);
    }

    @Test
    void lint_emptyFoldersEverywhere_hasNoFindings() {
      guest
          .delete("config/ai")
          .delete("config/mcp")
          .delete("config/packages")
          .delete("config/vm")
          .mkdir("config/ai")
          .mkdir("config/mcp")
          .mkdir("config/packages")
          .mkdir("config/vm")
          .mkdir("config/ai/nested/deeper");

      WorkspaceLint lint = guest.lint();

      assertThat(lint.diagnostics()).isEmpty();
      assertThat(lint.config().providers()).isEmpty();
      assertThat(lint.config().packageSets()).isEmpty();
    }

    @Test
    void lint_emptyProviderMcpAndPackageFiles_defineNothing() {
      guest
          .write("config/ai/google.toml", "")
          .write("config/mcp/capsem.toml", "# nothing\n")
          .delete("config/packages/python.toml")
          .write("config/packages/none.toml", "");

      WorkspaceLint lint = guest.lint();

      assertThat(lint.diagnostics()).isEmpty();
      assertThat(lint.config().providers()).isEmpty();
      assertThat(lint.config().mcpServers()).isEmpty();
    }

    @Test
    void lint_wrongTypesEverywhere_reportsEachWithoutCrashing() {
      guest
          .write("config/ai/google.toml", "google = \"not a table\"\n")
          .write("config/mcp/capsem.toml", "[capsem]\nname = 1\ntransport = []\n")
          .write("config/vm/resources.toml", "resources = [1, 2]\n")
          .write("config/vm/environment.toml", "[environment]\nshell = \"bash\"\n");

      WorkspaceLint lint = guest.lint();

      assertThat(lint.config()).isNull();
      assertThat(lint.diagnostics())
          .extracting(Diagnostic::file)
          .containsExactlyInAnyOrder(
              "config/ai/google.toml",
              "config/mcp/capsem.toml",
              "config/mcp/capsem.toml",
              "config/vm/resources.toml",
              "config/vm/environment.toml");
      assertThat(lint.diagnostics()).allSatisfy(d -> assertThat(d.position()).isNotNull());
    }
  }
}

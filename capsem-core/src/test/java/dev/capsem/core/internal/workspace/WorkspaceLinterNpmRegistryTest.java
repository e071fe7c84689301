package dev.capsem.core.internal.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * W001 (the brief's "no npm registry"): a profile-derived workspace (it has {@code
 * security/controls.toml}) that installs npm packages, whose HTTP policy would not allow {@code GET
 * https://registry.npmjs.org/}.
 */
class WorkspaceLinterNpmRegistryTest {

  @TempDir Path dir;
  private GuestDir guest;

  private static final String NPM_PROVIDER =
      GuestDir.GOOGLE
          + """

          [google.install]
          manager = "npm"
          prefix = "/opt/ai-clis"
          packages = ["@google/gemini-cli"]
          """;

  private static final String W001 =
      "W001 config/ai/google.toml:22:11: google.install: npm packages declared but no profile rule"
          + " permits registry access (registry.npmjs.org)";

  @BeforeEach
  void npmProviderWithoutLegacyRegistry() {
    guest =
        GuestDir.valid(dir)
            .write("config/ai/google.toml", NPM_PROVIDER)
            .delete("config/security/web.toml")
            .write("config/packages/python.toml", GuestDir.PYTHON);
  }

  private java.util.List<String> w001(String controls) {
    guest.write("config/security/controls.toml", controls);
    return GuestDir.findings(guest.lint()).stream().filter(f -> f.startsWith("W001")).toList();
  }

  @Test
  void noRuleAndNoCapability_asksByDefault_soW001() {
    assertThat(w001("[security.rules]\n")).containsExactly(W001);
  }

  @Test
  void blockingEgress_isW001() {
    assertThat(w001("[security.capabilities]\nnetwork_egress = \"block\"\n")).containsExactly(W001);
  }

  @Test
  void allowingOrAuditedEgress_permitsTheRegistry() {
    assertThat(w001("[security.capabilities]\nnetwork_egress = \"allow\"\n")).isEmpty();
    assertThat(w001("[security.capabilities]\nnetwork_egress = \"audit\"\n")).isEmpty();
  }

  @Test
  void anAllowRuleForTheRegistry_permitsIt() {
    assertThat(
            w001(
                """
                [security.rules.http.npm]
                on = "http.read"
                if = 'http.request.host == "registry.npmjs.org"'
                decision = "allow"
                priority = 50
                """))
        .isEmpty();
  }

  @Test
  void anEarlierBlockRule_winsOverTheAllow() {
    assertThat(
            w001(
                """
                [security.capabilities]
                network_egress = "allow"

                [security.rules.http.no_npm]
                on = "http.request"
                if = 'http.request.host.endsWith("npmjs.org")'
                decision = "block"
                priority = 5
                """))
        .containsExactly(W001);
  }

  @Test
  void writeRulesAndBrokenConditions_doNotCount() {
    assertThat(
            w001(
                """
                [security.rules.http.w]
                on = "http.write"
                if = "true"
                decision = "allow"

                [security.rules.http.broken]
                on = "http.request"
                if = "event.host == 'x'"
                decision = "allow"
                """))
        .containsExactly(W001);
  }

  @Test
  void legacyWebRegistryEntry_countsAsAPermit() {
    guest.write(
        "config/security/web.toml",
        GuestDir.WEB
            + """

            [web.registry.npm]
            name = "npm"
            domains = ["registry.npmjs.org"]
            allow_get = true
            """);
    assertThat(w001("[security.rules]\n")).isEmpty();
  }

  @Test
  void workspaceWithoutControls_isNotProbed() {
    assertThat(GuestDir.findings(guest.lint())).noneMatch(f -> f.startsWith("W001"));
  }
}
